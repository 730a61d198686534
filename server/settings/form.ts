// The settings form, as server/settings/schema.ts describes it: the values shown, and the posted
// form read back and checked, with a Dutch message per field.
import { parseEmail } from '../shared/email';
import { checkLine, checkMultiLine, field, type FieldErrors, type FormResult } from '../shared/validation';
import { SETTINGS, buildSettings, isValidValue, settingGroups, valueAt, type SettingDefinition, type Settings } from './schema';

/** Form field name → the text in the field ('ja' or '' for a checkbox). */
export type SettingsForm = Record<string, string>;

export type ParsedSettings = FormResult<Settings, SettingsForm>;

/** The form's fieldsets and fields, for views/beheer/settings/index.ejs. */
export const SETTINGS_FORM_GROUPS = settingGroups();

export function formFromSettings(settings: Settings): SettingsForm {
  const form: SettingsForm = {};
  for (const setting of SETTINGS) {
    const value = valueAt(settings, setting.key);
    form[setting.form] = setting.kind === 'boolean' ? (value ? 'ja' : '') : String(value);
  }
  return form;
}

/** One field's value as it will be stored, or an error message in errors[setting.form]. */
function parseField(setting: SettingDefinition, text: string, errors: FieldErrors): unknown {
  switch (setting.kind) {
    case 'integer': {
      const digits = text.trim();
      const n = Number(digits);
      if (!/^\d+$/.test(digits) || n < setting.min || n > setting.max) {
        errors[setting.form] = `${setting.shortLabel}: vul een geheel getal van ${setting.min} tot ${setting.max} in.`;
      }
      return n;
    }
    case 'boolean':
      return text === 'ja';
    case 'choice':
      if (!setting.options.some((o) => o.value === text)) errors[setting.form] = `${setting.shortLabel}: kies een van de mogelijkheden.`;
      return text;
    case 'text': {
      const value = checkMultiLine(errors, setting.form, text, { label: setting.shortLabel, required: false, max: setting.max });
      const wrong = errors[setting.form] ? null : setting.check?.(value);
      if (wrong) errors[setting.form] = `${setting.shortLabel}: ${wrong}`;
      return value;
    }
    case 'email': {
      // The one address check of the weblog (shared/email.ts): one plain local@domain, the domain normalised.
      const typed = checkLine(errors, setting.form, text, { label: setting.shortLabel, required: false, max: setting.max });
      if (errors[setting.form] || typed === '') return typed;
      const parsed = parseEmail(typed);
      if (!parsed.ok || !isValidValue(setting, parsed.address)) {
        errors[setting.form] =
          `${setting.shortLabel}: dit lijkt geen geldig e-mailadres. Vul één adres in, zonder naam of leestekens eromheen, bijvoorbeeld redactie@voorbeeld.nl.`;
        return typed;
      }
      return parsed.address;
    }
  }
}

/** Reads every setting from a posted form: all valid, or the errors and what was typed. */
export function parseSettingsForm(body: unknown, stored?: Settings): ParsedSettings {
  // A setting only an admin changes (adminOnly) keeps its stored value when `stored` is given (someone else saves).
  const kept = stored ? formFromSettings(stored) : {};
  const input: SettingsForm = Object.fromEntries(
    SETTINGS.map((s) => [s.form, s.adminOnly && s.form in kept ? kept[s.form] : field(body, s.form)]),
  );
  const errors: FieldErrors = {};
  const value = buildSettings((setting) => parseField(setting, input[setting.form], errors));
  return Object.keys(errors).length ? { ok: false, errors, input } : { ok: true, value, input };
}
