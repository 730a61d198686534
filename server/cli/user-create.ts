// npm run user:create -- --email a@b.nl --role admin|chief|editor|moderator [--name "…"] [--generate]
// Asks for the password twice on a terminal; otherwise (or with --generate) makes one and prints it once.
import readline from 'node:readline';
import { SYSTEM_ACTOR, audit } from '../audit/audit-log';
import { generatePassword, passwordProblem } from '../accounts/passwords';
import { isRole, ROLES } from '../accounts/roles';
import { awaitsPassword, changeRole, createUser, findUserByEmail, setPassword } from '../accounts/users';
import { checkEmail, type FieldErrors } from '../shared/validation';
import { openDatabase, parseFlags, runCommand, UsageError } from './cli-support';

const USAGE = `Gebruik: npm run user:create -- --email naam@voorbeeld.nl --role ${ROLES.join('|')} [--name "Naam"] [--generate]`;

function askHidden(question: string): Promise<string> {
  return new Promise((resolve) => {
    const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: true });
    const out = rl as unknown as { _writeToOutput: (s: string) => void; output: NodeJS.WriteStream };
    out._writeToOutput = (s: string) => out.output.write(s.startsWith(question) ? question : '');
    rl.question(question, (answer) => {
      rl.close();
      process.stdout.write('\n');
      resolve(answer);
    });
  });
}

runCommand(async () => {
  const flags = parseFlags(process.argv.slice(2), ['email', 'role', 'name', 'generate']);
  const email = typeof flags.email === 'string' ? flags.email.trim() : '';
  const role = flags.role;
  const errors: FieldErrors = {};
  checkEmail(errors, 'email', email, 254);
  if (!email) throw new UsageError(`--email ontbreekt.\n${USAGE}`);
  if (errors.email) throw new UsageError(errors.email);
  if (!isRole(role)) throw new UsageError(`Onbekende rol "${String(role ?? '')}": kies ${ROLES.join(', ')}.\n${USAGE}`);
  const name = typeof flags.name === 'string' && flags.name.trim() ? flags.name.trim() : email.split('@')[0];

  const { db } = await openDatabase();
  try {
    // An author moved in from WordPress has an account without a password: this gives it one.
    const existing = await findUserByEmail(db, email);
    if (existing && !(await awaitsPassword(db, existing.id))) throw new UsageError(`Er is al een account voor ${email}.`);
    let password: string;
    const interactive = process.stdin.isTTY && !flags.generate;
    if (interactive) {
      password = await askHidden('Wachtwoord: ');
      const problem = passwordProblem(password);
      if (problem) throw new UsageError(problem);
      if ((await askHidden('Nog eens: ')) !== password) throw new UsageError('De wachtwoorden zijn niet gelijk.');
    } else {
      password = generatePassword();
    }
    if (existing) {
      await setPassword(db, existing.id, password);
      await changeRole(db, existing.id, role);
      await audit(
        db,
        SYSTEM_ACTOR,
        'user.password',
        { type: 'user', id: existing.id },
        `rol ${role} (opdrachtregel, geïmporteerd account)`,
      );
      console.log(`Wachtwoord gezet voor ${existing.email} (${role}).`);
      if (!interactive) console.log(`Wachtwoord (wordt niet nog eens getoond): ${password}`);
      return;
    }
    const user = await createUser(db, { email, name, role, password });
    await audit(db, SYSTEM_ACTOR, 'user.create', { type: 'user', id: user.id }, `rol ${role} (opdrachtregel)`);
    console.log(`Account aangemaakt: ${user.email} (${role}).`);
    if (!interactive) console.log(`Wachtwoord (wordt niet nog eens getoond): ${password}`);
  } finally {
    await db.destroy();
  }
});
