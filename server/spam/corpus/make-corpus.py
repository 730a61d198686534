#!/usr/bin/env python3
# Writes the bundled spam corpus (CC0, see README): train.csv (the day-one model learns from it)
# and holdout-a.csv + holdout-b.csv (never learned from, never tuned on). Each row is assembled from hand-written
# fragments, then roughened the way real comments are: case, typos, emoji, leetspeak, look-alike
# letters, zero-width characters, URLs without a scheme. The holdout part uses its own fragment
# bank, written after the train bank, so the holdout figures do not measure a memorised template.
# Re-running it with the same seed gives the same files: python3 server/spam/corpus/make-corpus.py
import csv, random, sys, os

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, '..', '..', '..'))

FIRST = ['Jan','Piet','Sanne','Fatima','Mohamed','Ingrid','Kees','Lotte','Ahmed','Ria','Bram','Emma','Noah','Daan','Yara','Sophie','Henk',
 'Truus','Anouk','Mark','Ali','Ayse','Wim','Els','Joost','Marieke','Tom','Lisa','Kevin','Jessica','Chris','Mike','Sarah','Dave','Laura',
 'Ben','Olivia','James','Priya','Raj','Chen','Ana','Lucas','Mia','Sven','Hannah','Omar','Zoe','Tyler','Ashley','Brandon','Nina','Gert',
 'Bep','Willem','Hatice','Dirk','Femke','Ruud','Youssef','Kim','Robin','Sam','Alex','Jordan','Taylor']
LAST = ['de Vries','Jansen','Bakker','Visser','Smit','Meijer','de Boer','Mulder','Bos','Vos','Peters','Hendriks','van Dijk','Yilmaz','El Amrani',
 'Smith','Johnson','Brown','Lee','Garcia','Miller','Wilson','Taylor','Nguyen','Khan','Schmidt','Kowalski','Rossi']
HANDLES = ['gamer','xX','beats','official','music','vlogs','tv','HD','king','queen','boss','pro','real','the','life','daily','crew','prod','lit',
 'cutie','bae','sexy','hot','money','cash','crypto','trader','coach','rich']

def person(r):
    f = r.choice(FIRST)
    style = r.random()
    if style < 0.5: name = f
    elif style < 0.75: name = f + ' ' + r.choice(LAST)
    elif style < 0.85: name = f.lower()
    elif style < 0.93: name = f[0] + '. ' + r.choice(LAST)
    else: name = f + str(r.randint(1, 99))
    dom = r.choice(['gmail.com','hotmail.com','ziggo.nl','kpnmail.nl','outlook.com','xs4all.nl','yahoo.com','live.nl','icloud.com'])
    email = (f.lower() + r.choice(['', '.', '_']) + r.choice(LAST).lower().replace(' ', '') + (str(r.randint(1, 999)) if r.random() < .5 else '') + '@' + dom)
    return name, email

def spammer(r):
    s = r.random()
    if s < 0.3:
        name = r.choice(HANDLES) + r.choice(FIRST) + str(r.randint(1, 9999))
    elif s < 0.5:
        name = r.choice(FIRST) + ' ' + r.choice(LAST)
    elif s < 0.65:
        name = r.choice(['Best Casino Bonus','Cheap Pills Online','Crypto Signals','Loan Fast','Free Followers','SEO Expert','Hot Girls Nearby',
                         'Goedkope Lening','Gratis Volgers','Webshop Deals','iPhone Giveaway','Dating NL','Essay Writer','Forex Mentor'])
    elif s < 0.8:
        name = r.choice(HANDLES).capitalize() + ' ' + r.choice(HANDLES).capitalize()
    else:
        name = r.choice(FIRST)
    dom = r.choice(['gmail.com','mail.ru','yandex.com','outlook.com','hotmail.com','proton.me','yahoo.com','protonmail.com','qq.com'])
    email = name.lower().replace(' ', '') + str(r.randint(1, 9999)) + '@' + dom
    return name, email

# ---------------------------------------------------------------- noise
LEET = {'a': '4', 'e': '3', 'i': '1', 'o': '0', 's': '5', 't': '7'}
LOOK = {'a': 'а', 'e': 'е', 'o': 'о', 'p': 'р', 'c': 'с', 'x': 'х', 'y': 'у', 'i': 'і'}
ZW = ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff']
EMO_SPAM = ['🔥','💰','🎁','👉','👇','✅','💯','🚀','😍','💸','🤑','❤️','⭐','📈','🎉','💎','👀','🙏']
EMO_HAM = ['😂','🤣','👍','❤️','😢','😡','🙄','👏','😊','🤔','😭','🔥','😍','🙏','💪','😅']

def typo(r, t):
    if len(t) < 8: return t
    i = r.randrange(1, len(t) - 2)
    k = r.random()
    if k < 0.4: return t[:i] + t[i + 1] + t[i] + t[i + 2:]
    if k < 0.7: return t[:i] + t[i + 1:]
    return t[:i] + t[i] + t[i:]

def roughen(r, t, spam):
    if r.random() < (0.25 if spam else 0.12): t = t.lower()
    if r.random() < (0.12 if spam else 0.05): t = t.upper()
    if r.random() < (0.15 if spam else 0.04):
        t = ''.join(c.upper() if r.random() < .5 else c.lower() for c in t)
    if spam and r.random() < 0.18:
        t = ''.join(LEET.get(c, c) if c.lower() in LEET and r.random() < .45 else c for c in t)
    if spam and r.random() < 0.12:
        t = ''.join(LOOK.get(c, c) if c in LOOK and r.random() < .5 else c for c in t)
    if spam and r.random() < 0.12:
        t = ''.join(c + (r.choice(ZW) if c.isalpha() and r.random() < .3 else '') for c in t)
    for _ in range(r.choice([0, 0, 1, 1, 2])): t = typo(r, t)
    if r.random() < (0.3 if spam else 0.2):
        e = EMO_SPAM if spam else EMO_HAM
        t = t + ' ' + ''.join(r.choice(e) for _ in range(r.choice([1, 1, 2, 3, 6, 10] if spam else [1, 1, 1, 2, 3, 5])))
    if spam and r.random() < 0.1:
        t = ''.join(r.choice(EMO_SPAM) for _ in range(r.randint(2, 5))) + ' ' + t
    if r.random() < 0.1: t = t.rstrip('.!') + r.choice(['!!!', '!!', '...', ' !!', '??', '!!!!!'])
    if not spam and r.random() < 0.08: t = t.replace('. ', '.\n\n', 1)
    return t

# ---------------------------------------------------------------- fragment banks
def fill(r, s, slots):
    out = s
    for _ in range(4):
        for k, v in slots.items():
            while '{' + k + '}' in out:
                out = out.replace('{' + k + '}', r.choice(v) if isinstance(v, list) else v(r), 1)
    return out

def url_of(r, hosts, paths, scheme_p=0.55):
    host = r.choice(hosts)
    scheme = r.choice(['https://', 'http://']) if r.random() < scheme_p else (r.choice(['www.', '']) if not host.startswith('www.') else '')
    p = r.choice(paths)
    u = scheme + host + p
    if r.random() < 0.1: u = u.replace('.', ' . ', 1)  # "site . com" to dodge link detection
    elif r.random() < 0.08: u = u.replace('.', '(dot)', 1)
    return u

BANKS = {}

BANKS['train'] = dict(
  spam_hosts=['bit.ly/3xYz9q','tinyurl.com/freeprize','goo.gl/Ab12','cutt.ly/win','shorturl.at/abc12','rb.gy/x9k','is.gd/gift',
    'youtube.com/channel/UC8kq','youtube.com/watch?v=xK3dpQ9','youtu.be/Qm3p1','instagram.com/real_beatz','tiktok.com/@lilmoneyy',
    'free-gift-cards.xyz','casino-bonus.top','cheap-meds-online.shop','crypto-double.io','fastloan24.club','hotgirls-near.me',
    'seo-backlinks.pro','bestessays.biz','giveaway-iphone15.site','robux-free.win','earnfromhome.work','forexprofit.live',
    'goedkopelening.nl-krediet.info','gratisvolgers.nl.ru','replica-watches.shop','weightloss-keto.store','vpn-deal.click',
    'soundcloud.com/lil-k-official','facebook.com/groups/freemoney','t.me/cryptosignalsvip','wa.me/447700900123','linktr.ee/hotlisa'],
  paths=['', '/', '/?ref=42', '/promo', '/join', '/win.html', '/offer?id=88', '/free'],
  spam={
    'channel': ['Check out my channel {pls}', 'Hey guys check out my new channel, I make {content} {emo}', 'Please subscribe to my channel {url} {thx}',
      'Go check my channel out, {content} every week!', 'If you like this, you will love my channel {url}', 'I just started a youtube channel about {content}, would mean a lot if you subscribed {pls}',
      'Can you guys please check out my music? {url} I am a {age} year old {artist} from {place}', 'My {content} channel needs some love {url}',
      'Check out this video {url}', 'visit my channel for {content} {url}', 'Hey! I upload {content}, subscribe if you want {thx}',
      'plz watch my new video {url} and tell me what you think', 'new {content} video on my channel!! {url}', 'Anyone who reads this, check out my page {url}',
      'I know you will probably skip this, but I am a small {artist} trying to make it. Give my songs a listen {url} {thx}',
      'Kijk eens op mijn kanaal! Ik maak {content} {url}', 'Abonneer op mijn kanaal aub {url} {thx}', 'Hoi allemaal, check mijn nieuwe video {url}'],
    'sub4sub': ['sub 4 sub anyone?', 'sub4sub {url}', 'I sub back to everyone who subs to me {emo}', 'Subscribe to me and I will subscribe back 100%',
      'Help me get to {n} subscribers!! {url}', 'Who wants to do sub for sub? reply done when done', 'like this comment so more people see my channel',
      'Road to {n} subs, please help {pls}', 'f4f follow for follow {url}', 's4s? comment below and I will sub', 'Subscribe pls im trying to reach {n} subs',
      'Wie wil sub voor sub? {url}', 'Help me naar {n} abonnees!! {pls}', 'Thumbs up if you want more people to see my channel {url}'],
    'giveaway': ['FREE {prize} giveaway!! Go to {url} and enter your details {emo}', 'I won a {prize} from {url}, it really works!', 'Get free {prize} here {url}',
      'Giveaway: {n} people will win a {prize}. Click {url} now', 'Congratulations! You have been selected to win a {prize}. Claim at {url}',
      'Free robux and v-bucks generator {url} no survey', 'Claim your free {prize} before it is gone {url} {emo}', 'Winactie! Win een {prize} via {url}',
      'Gratis {prize} voor de eerste {n} mensen: {url}', 'First {n} people to click get a free {prize} {url}', 'Giving away {n} {prize} to my subscribers, just follow {url}'],
    'crypto': ['I made ${money} in one week with bitcoin, message my mentor on whatsapp {url}', 'Invest in {coin} now before it explodes {url} 🚀',
      'Crypto signals group with 98% win rate, join {url}', 'Double your bitcoin in 24 hours, send to our wallet and get 2x back {url}',
      'Thanks to {mentor} I earn ${money} weekly from trading, contact her on telegram {url}', 'Verdien {money} euro per dag met crypto {url}',
      'Airdrop live: claim free {coin} tokens at {url}', 'Forex trading made me rich, ask me how {url}', 'Everyone is sleeping on {coin}, 100x coming {url}'],
    'seo': ['Great article, very informative. Also visit {url} for {product}', 'Nice post! I found a lot of useful info. Check {url}',
      'Thanks for sharing this useful information. We offer {product} at {url}', 'I like this blog. For best {product} visit us at {url}',
      'Buy cheap backlinks and boost your ranking {url}', 'High quality {product}, fast delivery, {url}', 'Leuk artikel! Bekijk ook onze {product} op {url}',
      'This is really helpful content. keep it up! {url}', 'Your blog is very good. For {product} in {place} call us or visit {url}',
      'Very nice write-up, bookmarked! Reliable {product}: {url}'],
    'pharma': ['Buy {pill} online without prescription {url}', 'Cheap {pill} 80% off, discreet shipping {url}', '{pill} best price, order now at {url}',
      'Goedkope {pill} zonder recept bestellen {url}', 'Lose 10 kg in 2 weeks with this keto pill {url}', 'Men, last longer in bed with {pill} {url}'],
    'casino': ['Best online casino, {n} free spins no deposit {url}', 'Win big at {url}, bonus code WIN{n}', 'Online gokken met {n} euro bonus {url}',
      'Play slots and win real money {url} {emo}', 'Sports betting tips 100% sure win, join {url}', 'Casino bonus zonder storting: {url}'],
    'loans': ['Need a loan? Fast approval, low interest, no credit check {url}', 'Snel geld lenen zonder BKR toetsing {url}', 'Get a loan of ${money} today {url}',
      'Are you in debt? We offer loans at 2% interest, contact {email}', 'Lening nodig? Binnen 24 uur op je rekening {url}'],
    'dating': ['Hot singles in your area are waiting {url}', 'Hi handsome, I am {girl}, 24, lonely tonight. See my photos {url} 😘', 'Looking for a sugar daddy? {url}',
      'Sexy girls want to meet you, sign up free {url}', 'Vrouwen uit jouw buurt zoeken contact {url}', 'I am bored, chat with me here {url} 💋',
      'Dont read my name 🙈', 'my pics are on my profile 😏 {url}'],
    'money': ['I make ${money} a month working from home, this is how {url}', 'Earn money online easily, I quit my job thanks to {url}',
      'My aunt makes ${money} per hour on her laptop. Read more {url}', 'Work from home and earn {money} euro per week {url}', 'Get paid to watch videos {url}',
      'Thuiswerk! Verdien {money} euro per week {url}', 'Want to earn money with your phone? DM me or visit {url}'],
    'praise': ['Amazing post, I learned so much. {url}', 'Wow this is the best thing I have read today! {url}', 'So true, great content. Please check my profile {url}',
      'Really great article, thanks for sharing. Keep posting such articles', 'Nice work admin! very useful for me', 'Hi, I really enjoyed reading this. {url}',
      'I have been reading your blog for a long time, keep it up! {url}', 'Heel mooi geschreven, bekijk ook mijn website {url}', 'Very informative post, thanks a lot {url}'],
    'follow': ['Follow me on instagram {url}', 'add me on snapchat: {handle}', 'Follow my tiktok for more {content} {url}', 'Volg mij op insta {url} {emo}',
      'Check my insta @{handle} 🔥', 'Follow me on twitter, I follow back {url}'],
  },
  slots=dict(
    pls=['pls', 'please!!', 'plz', 'thanks!', 'it would mean the world', '', '🙏🙏', 'pleaseeee'],
    thx=['thanks', 'thank you so much', 'ty', '', 'love you all', 'God bless'],
    content=['gaming videos', 'minecraft', 'fortnite montages', 'covers', 'vlogs', 'beats', 'makeup tutorials', 'pranks', 'rap music', 'edm', 'reactions', 'funny videos'],
    age=['14', '15', '16', '17', '19', '21'], artist=['rapper', 'singer', 'producer', 'drummer', 'youtuber'],
    place=['London', 'Texas', 'Rotterdam', 'Toronto', 'Lagos', 'Manila', 'Berlin', 'Ohio'],
    n=['100', '500', '1000', '1k', '5000', '10k', '50', '20'],
    prize=['iPhone 15', 'PS5', 'Amazon gift card', '$500 gift card', 'Xbox', 'MacBook', 'Nike shoes', 'robux', 'v-bucks', 'Samsung S24', 'cadeaubon'],
    money=['5,000', '3000', '12.500', '800', '25,000', '2500', '500'],
    coin=['bitcoin', 'ethereum', 'SHIBA', 'DOGE', 'XRP', '$PEPE', 'solana'],
    mentor=['Mrs Susan Clark', 'Mr James Miller', 'Mrs Anna Rose', 'Expert Hannah'],
    product=['SEO services', 'web design', 'cheap flights', 'replica watches', 'essay writing', 'car rental', 'moving services', 'cbd oil', 'solar panels', 'dakkapellen', 'zonnepanelen'],
    pill=['viagra', 'cialis', 'tramadol', 'xanax', 'keto pills', 'phentermine', 'afslankpillen'],
    girl=['Lisa', 'Anna', 'Kate', 'Jessy', 'Mila'],
    handle=['lilbeatz', 'sexy_anna22', 'crypto_king', 'realmike99', 'gamerboy_x'],
    emo=['🔥🔥', '💰💰💰', '👇👇👇', '✅', '🎁🎁', '🚀', '😍😍', ''],
  ),
  ham={
    'short_en': ['Love this!', 'So true', 'lol', 'This made my day', 'Great point', 'Agreed.', 'Couldnt agree more', 'haha yes', 'Well said',
      'This is so funny', 'Wow', 'nice one', 'I disagree', 'Not sure about this one', 'thanks for posting', 'Beautiful', 'omg yes', 'same here',
      'This is why I read this blog', 'First!', 'underrated comment', 'exactly what I was thinking', 'Legend', 'this aged well'],
    'short_nl': ['Helemaal mee eens', 'Goed stuk', 'Eindelijk!', 'Klopt', 'Wat een onzin', 'Mooi zo', 'Top', 'Jammer', 'Dank voor de info', 'Precies',
      'Haha, herkenbaar', 'Dit dus', 'Goed bezig', 'Nee hoor', 'Zo is het', 'Slecht plan', 'Prima', 'Zeker weten', 'Ben benieuwd', 'Gaaf'],
    'music': ['This song never gets old', 'Who is still listening to this in {year}?', 'I love this song so much', 'The beat drop at {time} is insane',
      'This video has {views} views and it deserves more', 'Best song ever made', '{singer} is so talented', 'This song brings back so many memories',
      'My mom used to play this in the car', 'I cant stop listening to this', 'The dance in this video lol', 'Still a banger in {year}',
      'Whoever is reading this, have a nice day', 'The chorus gives me chills every time', 'This is my favorite song from {singer}',
      'The video is so weird but I love it', 'Came here after hearing it on the radio', 'I remember when this came out', 'Dit nummer blijft geweldig',
      'Wie luistert dit nog in {year}?', 'Haha die clip', '{singer} live was amazing, saw them in {place}', 'The lyrics are so deep',
      'My favorite part is when {singer} starts singing', 'Her voice is beautiful', 'This is the song of my childhood', 'Such a classic'],
    'video': ['Great video, very well explained', 'I watched this three times', 'The part at {time} made me laugh so hard', 'What camera do you use?',
      'Thanks, this helped me fix my bike', 'Your editing got so much better', 'Can you make a video about {topic}?', 'I subscribed years ago and never regretted it',
      'The cat in the background haha', 'Whats the name of the song at the end?', 'Subscribed to the newsletter, great to have local news again',
      'I showed this to my class and they loved it', 'Mooie video, goed uitgelegd', 'Hoe heet het liedje aan het einde?', 'Ik heb me net aangemeld voor de nieuwsbrief',
      'Check out the comments on the previous post, someone already answered this', 'Watch the whole thing before commenting'],
    'civic_nl': ['Ik woon al {years} jaar aan de {street} en het verkeer wordt elk jaar erger. Wanneer gaat de gemeente eindelijk iets doen?',
      'Weer een plan zonder dat de bewoners gevraagd zijn. De inspraakavond was een toneelstuk.', 'Goed dat er eindelijk een {thing} komt in {wijk}.',
      'Waarom kost {thing} {money} euro? Dat geld kan beter naar de buurthuizen.', 'Ik was op de raadsvergadering en de wethouder ontweek elke vraag.',
      'De bus rijdt hier nog maar een keer per uur. Voor ouderen is dat onmogelijk.', 'Mijn buurvrouw van 84 kan haar boodschappen niet meer doen sinds de supermarkt dicht is.',
      'Volgens het raadsvoorstel (blz. {page}) is het budget al overschreden. Dat staat er gewoon.', 'Wie controleert dit eigenlijk? De rekenkamer?',
      'Als ik het goed lees gaat de {thing} pas in {year} open. Dat is twee jaar later dan beloofd.', 'Hier staat het hele verslag: {newsurl}',
      'Zie ook het artikel in de krant: {newsurl}', 'Fijn dat de {thing} er komt, maar denk ook aan fietsers.', 'De gemeente moet beter communiceren, ik las het pas hier.',
      'Kan iemand uitleggen wat "{term}" betekent in dit stuk?', 'Ik ben het oneens met de vorige schrijver. Er is juist veel overleg geweest.',
      'Dit is echt schandalig. Eerst bezuinigen op de bibliotheek en dan dit.', 'WAAROM hoor ik dit pas nu??? Niemand heeft ons iets gevraagd!!',
      'De wethouder zei letterlijk: "{quote}". Nou, we zullen zien.', 'Bij ons in de straat staan al weken vuilniszakken. Melding gedaan, niets gebeurd.',
      'In {place} hebben ze dit veel beter geregeld, kijk daar eens naar.', 'Ik heb de petitie getekend: {newsurl}', 'Hoeveel parkeerplaatsen verdwijnen er precies?',
      'Over het casino-plan: ik ben tegen, er zijn al genoeg gokhallen in het centrum.', 'De apotheek aan de {street} gaat dicht, waar moeten we nu heen?',
      'Er staat nu een bitcoin-automaat in het winkelcentrum. Is daar een vergunning voor?', 'Gratis parkeren op zaterdag was een goed idee, jammer dat het stopt.',
      'Mijn zoon zit op de {thing} en ze hebben geen gymleraar meer. Echt triest.', 'Kom op zeg, {money} euro voor een kunstwerk?'],
    'civic_en': ['I moved here from {place} last year and I am surprised how little the council explains.', 'Good news for the neighbourhood, finally.',
      'Does anyone know when the consultation closes?', 'The bike lanes on {street} are a disaster, I almost got hit twice this week.',
      'Thanks for summarising the council meeting, very useful for those of us who dont speak Dutch well.', 'Here is the original report: {newsurl}',
      'BBC had a similar story: {newsurl}', 'I voted for them and I regret it now.', 'This is exactly the kind of local news we need more of.',
      'Free parking on Sundays would help the shops in the centre.', 'Win-win for everyone if they actually do it.', 'Can we please get more trees instead of parking spots?',
      'My kids go to school there and the crossing is dangerous. Please do something.', 'Honestly the money would be better spent on housing.',
      'I watched the livestream of the meeting, the mayor was great.', 'Check out the photos in the previous article, the difference is huge.',
      'Subscribe to the council newsletter if you want updates, thats how I heard about it.', 'Click the link in the article for the full pdf.',
      'The cheapest option is not always the best, look at what happened with the bridge.', 'Proud of our city today!'],
    'long_angry': ['Ik heb het al {n} keer gemeld. {n} keer! En elke keer krijg ik een automatisch mailtje. De stoep ligt er nog steeds open, mijn moeder is erover gevallen en niemand voelt zich verantwoordelijk. Dit is geen bestuur, dit is een loket dat dicht zit.',
      'I have lived here for {years} years and I have never seen the council waste money like this. The new square is ugly, the benches are uncomfortable and there is no shade. Who approved this? Did anyone actually ask the people who live here? Unbelievable.',
      'Sorry maar dit slaat nergens op. Eerst zeggen ze dat er geen geld is voor de speeltuin, dan staat er ineens {money} euro voor adviseurs in de begroting. Ik heb het nagekeken, pagina {page}. Lees het zelf maar.',
      'Het is altijd hetzelfde liedje. Mooie plaatjes, mooie woorden, en na de verkiezingen hoor je er niets meer van. Ik geloof er pas in als ik de shovels zie.'],
  },
  hslots=dict(
    year=['2019', '2020', '2021', '2022', '2023', '2024', '2025'], time=['1:23', '2:05', '0:45', '3:10'], views=['2 billion', '500 million', '1 million', '800k'],
    singer=['Katy', 'Eminem', 'Shakira', 'Psy', 'Adele', 'Rihanna', 'the drummer', 'Marco Borsato', 'Doe Maar', 'Snelle', 'Taylor'],
    topic=['bike repair', 'the city budget', 'composting', 'old photos of the city'], years=['12', '30', '5', '40', '8'],
    street=['Dorpsstraat', 'Kerkweg', 'Stationsplein', 'Molenlaan', 'Havenkade', 'Main street'], thing=['fietsenstalling', 'school', 'sporthal', 'brug', 'rotonde', 'bibliotheek', 'skatebaan', 'warmtenet'],
    wijk=['Noord', 'de Bloemenbuurt', 'het centrum', 'Oost'], money=['250.000', '1,2 miljoen', '80.000', '3 miljoen'], page=['12', '4', '37'],
    place=['Utrecht', 'Zwolle', 'Gent', 'Amsterdam', 'Manchester', 'Leiden'], n=['drie', 'vijf', 'zeven', 'four'],
    term=['bestemmingsplan', 'zienswijze', 'motie vreemd aan de orde', 'kaderbrief'], quote=['we gaan dit zorgvuldig doen', 'de bewoner staat centraal', 'het komt goed'],
    newsurl=['https://nos.nl/artikel/2512345', 'https://www.nu.nl/binnenland/123456/plan.html', 'https://www.bbc.co.uk/news/uk-123', 'nos.nl/artikel/2498765',
             'https://www.gemeente.example/raad/stukken/2024-118.pdf', 'https://www.rtvoost.nl/nieuws/2193', 'www.ad.nl/regio/a1b2', 'https://petities.nl/petitions/stop-de-kap'],
  ),
)

BANKS['train2'] = dict(
  spam_hosts=['bit.do/xx7','t.ly/Prize','ow.ly/kQ9','tiny.cc/freecash','youtube.com/user/djkrazybeatz','youtube.com/c/MiaSingsCovers','m.youtube.com/watch?v=Zr8fE',
    'ig.me/lexi.vibes','free-skins-now.ru','claim-reward.online','win-prize-now.top','cheapviagra.pharmacy','spin-win-casino.bet','quickcash-loan.xyz',
    'meet-local-singles.date','btc-profit-hub.com','onlinejobs-earn.site','backlink-builder.net','clickbank-deals.info','snel-geld.be','goedkopemedicijnen.shop'],
  paths=['', '/', '/u/77', '/gift', '/landing?src=yt', '/start'],
  spam={
    'channel': ['Yo, small creator here. I do {content}, come by my channel {url}', 'Can I get some support? Just dropped a {content} video {url}',
      'If anyone sees this, take a look at my songs, I write them myself {url}', 'Peace! I make {content}, would love feedback on my channel',
      'Go listen to my latest track {url}, link in bio too', 'Everyone go check my profile out please, new uploads every day', 'Hallo! Ik ben een beginnende youtuber, kom kijken {url}',
      'Not asking for much, just one view on my new video {url} {thx}', 'Watch my cover of this song on my channel! {url}'],
    'sub4sub': ['Anyone down for sub 2 sub? I always sub back', 'im at {n} subs, help me hit {n2} 🙏', 'Reply with your channel and I will subscribe, then sub me back',
      'sub to me and comment done, I return the favour', 'Just {n} more subscribers to my goal!', 'Abonneer terug als ik jou abonneer? deal?', 'Like if you want me to reach {n2} subs!!'],
    'giveaway': ['Im giving away a {prize} to one random person who subscribes! {url}', 'Free {prize} — verify you are human at {url}', 'You can get a {prize} for free, I got mine from {url}',
      'Claim a free {prize} right now, limited stock {url}', 'Gratis {prize} winnen? Klik hier {url}', 'Happy holidays! I am gifting {n} {prize}s, enter at {url}'],
    'crypto': ['Made {money} dollars last month thanks to a crypto trading bot {url}', 'Send {coin} to this address and receive double back: {url}',
      'Message expert trader {mentor} on WhatsApp, she changed my life', 'New {coin} presale, 1000x potential {url}', 'Bitcoin is going to the moon, get in now {url}'],
    'seo': ['Fantastic blog post, thanks for the tips. Our agency does {product}: {url}', 'Really appreciate this post. If you need {product} look at {url}',
      'This information is very helpful, I shared it with my team. {url}', 'Wonderful article! Visit my site for {product} in {place}: {url}', 'Quality content as always, admin. {url}'],
    'pharma': ['Order {pill} with fast worldwide shipping at {url}', 'Generic {pill} for sale, no doctor needed {url}', '{pill} online kopen, snel geleverd {url}'],
    'casino': ['Join now and get {n} free spins at {url}', 'Best betting site, I won 2000 euro yesterday {url}', 'Jackpot every day at {url}'],
    'loans': ['Instant loans up to ${money}, bad credit ok {url}', 'Lening zonder papierwerk, direct geld {url}', 'Urgent loan offer, contact us at {email}'],
    'dating': ['Single and lonely? Find a date tonight {url}', 'Hey cutie, check my profile for private pics 😘 {url}', 'Horny girls in your city {url}'],
    'money': ['How I earn {money} a week from my phone {url}', 'Simple online job, pays daily, details at {url}', 'Geld verdienen vanuit huis? Kijk op {url}'],
    'praise': ['Such a wonderful post, keep going! {url}', 'I am so impressed by this content, see my page {url}', 'Lovely article, it helped me a lot. {url}',
      'Great job on this! really nicely done, thank you for sharing your knowledge', 'Perfect article, thanks. Greetings from {place}'],
    'follow': ['Go follow me on instagram @{handle} for more!', 'add me on tiktok {url}', 'follow my page, I follow back everyone {url}'],
  },
  slots=dict(
    pls=['please', 'pls', '🙏'], thx=['thank you', 'thanks a lot', '', 'appreciate it'],
    content=['music', 'tutorials', 'speedruns', 'skits', 'dance videos', 'piano covers', 'lo-fi beats', 'cooking'],
    age=['16', '18', '20'], artist=['artist', 'singer'], place=['Chicago', 'Amsterdam', 'Leeds', 'Nairobi'],
    n=['200', '300', '900', '2k'], n2=['1000', '5k', '10k'],
    prize=['Nintendo Switch', 'iPad', 'Steam card', '$100 gift card', 'AirPods', 'Netflix account', 'bol.com bon'],
    money=['4,000', '1500', '7,500', '950'], coin=['BTC', 'ETH', 'USDT', '$MOON'], mentor=['Mrs Linda Grace', 'Mr Paul Adams'],
    product=['roof repair', 'link building', 'tax advice', 'plumbing', 'custom t-shirts', 'boekhouding'],
    pill=['sildenafil', 'oxycodone', 'diet pills', 'modafinil'], handle=['lexi.vibes', 'kingdj_', 'moneymindset'],
  ),
  ham={
    'short_en': ['ha, good one', 'Totally', 'Nope.', 'interesting read', 'cheers for this', 'Yes!!', 'I laughed way too hard', 'you nailed it', 'wait what', 'respect'],
    'short_nl': ['Eens!', 'Ach ja', 'Wat fijn', 'Dit is nieuws voor mij', 'Mooi gezegd', 'Onzin', 'Klinkt goed', 'Lekker bezig'],
    'music': ['This was our wedding song', 'Playing this on repeat all week', 'Nobody makes music like this anymore', '{singer} never misses',
      'That guitar solo at {time}!', 'Who else got this stuck in their head?', 'This song got me through a hard year', 'The music video is a masterpiece',
      'I was {n} when this came out and I still know every word', 'Wat een prachtig nummer'],
    'video': ['Really clear explanation, thank you', 'Where was this filmed?', 'Please do a part two', 'I tried this at home and it worked',
      'The sound is a bit quiet but great content', 'Mijn opa staat op deze oude foto!', 'Leuk filmpje van de markt'],
    'civic_nl': ['Vanmorgen stond er weer een file tot aan de {street}. Er moet echt een oplossing komen.', 'Ik snap niet waarom de raad dit heeft goedgekeurd.',
      'In het stuk staat dat de kosten {money} euro zijn, maar dat is zonder btw.', 'Wij hebben als buurt een brief gestuurd, nooit antwoord gekregen.',
      'Lees vooral de bijlage, daar staat het echte verhaal: {newsurl}', 'Wat een goed initiatief van de buurtvereniging!', 'Gaat dit ook gelden voor de {wijk}?',
      'Als de {thing} dicht gaat, waar moeten de jongeren dan heen?', 'Er zijn toch al genoeg plannen, voer er eerst eens een paar uit.',
      'De gemeente heeft mijn klacht na drie maanden nog steeds niet behandeld, ik ben het zat!!'],
    'civic_en': ['Great that the library stays open on Saturdays.', 'I wrote to the councillor and got a kind reply, so it is worth trying.',
      'Does this also affect the market on Wednesdays?', 'The article from the local paper: {newsurl}', 'Not impressed. Same promises as four years ago.',
      'The new playground is lovely, my kids are there every day.', 'Watch the recording of the debate, link on the council site.'],
    'long_angry': ['Elke winter hetzelfde: de gladheid wordt niet bestreden in onze straat, terwijl de hoofdweg drie keer gestrooid wordt. Wij hebben ook ouderen hier wonen. Ik heb gebeld, gemaild en een brief geschreven. Niets.',
      'Sorry but this is a joke. They closed the swimming pool because of costs and now they spend {money} on a new logo for the city. My kids have nowhere to swim. Who thinks of these things?'],
  },
  hslots=dict(
    singer=['Bruno', 'Beyonce', 'Queen', 'Coldplay', 'Frans Bauer'], time=['2:40', '1:10'], n=['9', '12', '15'],
    street=['Lindelaan', 'Ringweg', 'Marktplein'], money=['400.000', '2 miljoen', '60.000'], wijk=['Zuid', 'de Vogelwijk'], thing=['jongerencentrum', 'zwembad', 'bieb'],
    newsurl=['https://nos.nl/artikel/2533001', 'https://www.omroepgelderland.nl/nieuws/8812', 'https://www.theguardian.com/uk-news/2024/a', 'nu.nl/economie/998877/x.html'],
  ),
)

# A second writer's session for the train bank, added later: longer self-promotion, more ways of
# asking for subscribers, and ordinary reactions to songs, videos, sport and the news, so that a
# word like "video", "song" or "channel" alone does not decide.
T = BANKS['train']
T['spam']['channel'] += [
  'Hello everyone! I am a {age} year old {artist} from {place} and I make {content}. It would mean so much if you could check out my channel and subscribe. Thank you and have a great day!',
  'Sorry for the spam but I really need your help. I just uploaded my first {content} video, please watch it and leave a like {url}',
  'Hi, I know most of you will ignore this, but if you love {content} please give my channel a chance. I upload every friday.',
  'Listen to my new single "{song}" on spotify and youtube {url}',
  'I just made a remix of this song, go check it out on my channel!',
  'Please take a moment to watch my video, I worked really hard on it {url}',
  'Want to see something funny? Go to my channel',
  'I make {content} too, would love it if you guys visited my channel :)',
  'Hey check out my cover of this song, link on my profile',
  'Anyone wanna check out my music? I promise you wont regret it {url}',
  'Who wants to hear a real {artist}? click my name',
  'Dont forget to visit my channel for more {content}!!!',
  'Ik heb net mijn eerste {content} video geupload, kijk je even? {url}',
  'Support a small youtuber! I post {content} {url}',
  'My friend made an amazing {content} video, go watch it {url}',
  'Click here to watch the full video {url}',
  'Check this out guys {url}',
  'go to {url} to watch more videos like this',
]
T['spam']['sub4sub'] += [
  'I will subscribe to anyone who subscribes to me, just comment "done"',
  'Can I get 10 likes and a sub? Im trying to grow my channel',
  'Please subscribe to my channel, I am so close to {n} subscribers!!',
  'Subscribe to me and like this comment for a shoutout in my next video',
  'Sub to my channel and I will sub back, promise!! {emo}',
  'Everyone who likes this comment gets a subscriber from me',
  'Thumbs up this comment so everyone can see my channel',
  'Abonneer je op mij dan abonneer ik terug, beloofd',
]
T['spam']['giveaway'] += [
  'I just got a free {prize} from this website, it actually works!!! {url}',
  'Hey guys I found a way to get free {prize}, go to {url} before they patch it',
  'Get {n} free followers on instagram now {url}',
  'Want free gems and coins? Use this generator {url}',
  'Amazon is giving away {prize} to celebrate its anniversary, claim yours at {url}',
  'Enter the code FREE{n} at {url} for a free {prize}',
]
T['spam']['money'] += [
  'Want to make money online? It is easy, I make ${money} every month just by sharing links {url}',
  'Start earning today, no experience needed. Click the link {url}',
  'If you want to get rich fast, check out my website {url}',
  'I am a single mom and I earn ${money} a week from home, see how {url}',
  'Google is paying $90 per hour, I started a month ago and got my first check. Go to {url}',
]
T['spam']['follow'] += [
  'Like my facebook page please {url}', 'follow me on twitter @{handle} i follow back', 'Add me on facebook {url}',
  'Please like and share my page {url}', 'Check out my instagram, I post {content} every day {url}',
]
T['spam']['praise'] += [
  'Great song! If you like this, you will like my covers too, check my channel',
  'Awesome video! Visit my page for more like this {url}',
  'Very nice. Please watch my video too {url}',
]
T['slots']['song'] = ['Summer Nights', 'Never Let Go', 'Ghost Town', 'Rise Up', 'Lost Again']
T['ham']['music'] += [
  'I am from {place} and I love this song', 'This song is so catchy, I cant get it out of my head', 'omg the chorus', 'Love the video, the colours are amazing',
  'the dancing horse thing never gets old lol', 'Who came here from tiktok?', 'Her voice is unreal live', 'This is what real music sounds like',
  'this was my jam in high school', 'I have listened to this 100 times today', 'My little brother dances to this every morning', 'Can someone tell me what the song at 2:10 is?',
  'The guy in the yellow suit haha', 'Still better than most songs today', 'Why does this have dislikes? its perfect', 'I cried at the end of the video',
  'This song deserves way more views', 'so many memories with this song', 'This is the best video on youtube', 'The bass in this song is crazy',
  '{singer} is a legend', 'Oppa gangnam style!', 'Such a beautiful song, thank you {singer}', 'i love you {singer}',
  'Who is here in {year}? Like if you are', 'Like if you still listen to this in {year}', 'The views on this video are insane', 'watching this for the first time and I love it',
  'this video is so funny lol', 'the best song in the world', 'Dit liedje is echt geweldig', 'Luister dit elke dag op weg naar school',
]
T['ham']['video'] += [
  'Great match yesterday, the second goal was beautiful', 'That referee was terrible', 'Who else watched the whole thing?', 'I shared this with my family',
  'This channel taught me more than school did', 'Awesome, thanks for the upload', 'Subscribed! Keep up the good work', 'Check out the full interview on the news site, it is worth it',
  'Wow the drone shots of the city are beautiful', 'Does anyone have the link to the full speech?', 'I went to that concert, it was amazing', 'Please make more videos like this',
  'The first minute is the best part', 'I can watch this all day', 'Thanks for making this, my kids loved it',
]
T['ham']['short_en'] += ['cool', 'Amazing!!!', 'love it', 'this is awesome', 'so good', 'haha', 'nice', 'lmao', 'wow just wow', 'epic', 'perfect', 'best ever', 'i like it', 'Nice video', 'great song']
T['ham']['short_nl'] += ['Mooi!', 'Leuk', 'Gaaf filmpje', 'Prachtig', 'Wauw', 'Haha ja', 'Super', 'Echt mooi gedaan']

# Everyday English reactions, so that English itself is no spam signal: most comment spam is in
# English, and so are many residents, students and readers from abroad.
T['ham']['chat_en'] = [
  'I was thinking the same thing this morning', 'That is honestly the best explanation I have heard', 'My dad would love this',
  'I had no idea, thanks for letting us know', 'Same thing happened to me last year', 'I dont get why people are so upset about this',
  'This made me smile after a long day', 'Can confirm, I was there', 'It took me way too long to understand this lol', 'I agree with most of it but not the last part',
  'We went there on holiday and it was lovely', 'The picture is beautiful', 'Well that escalated quickly', 'I read it twice and still laughed',
  'Finally someone said it', 'This is so wholesome', 'I can relate to this so much', 'It works for me now, thanks', 'I will try that tomorrow',
  'Do you know if it is open on Sundays?', 'What time does it start?', 'That was a long time ago', 'I still remember that day', 'Nothing beats the original',
  'My grandmother used to say exactly that', 'Good luck to everyone involved', 'Happy birthday to your mom!', 'Rest in peace, he was a great man',
  'Honestly I expected worse', 'This is going to be interesting', 'Not bad at all', 'It is raining here again', 'Thank you for the kind words',
  'Any update on this?', 'I think you are right about the price', 'The food there is amazing by the way', 'I miss the old days', 'You made my day with this',
  'How is this even possible', 'I would never have guessed', 'It sounds great on headphones', 'I played it for my kids and they were dancing',
  'This guy is hilarious', 'She has such a beautiful smile', 'The ending surprised me', 'Please never change', 'I showed this to my wife and she loved it',
  'It is cold outside but this warms my heart', 'Sorry for my bad English, I am from {place}', 'Greetings from {place}!', 'Love from {place}',
  'That is so true haha', 'i watched it with my brother last night', 'the second half was much better', 'we need more people like you',
  'It really works, I tried it', 'I laughed so much my stomach hurts', 'This is the content I come here for', 'The quality is so good',
]
for cat in ('chat_en', 'chat_en', 'music', 'video', 'short_en'):
    T['ham'].setdefault('_weights', []).append(cat)

# The holdout bank, written last (after every change to the code, the thresholds and the train
# banks) and never tuned on. The older second bank ('train2') was looked at once while developing
# and is now part of the training data instead.
BANKS['holdout'] = dict(
  spam_hosts=['cutt.us/Qp2', 'tinyurl.com/yt-bonus', 'bitly.ws/3aZk', 'youtube.com/channel/UCx9_beatmaker', 'youtube.com/@lena.sings', 'music.youtube.com/watch?v=p0Q',
    'soundcloud.com/young-kairo', 'instagram.com/fit.with.tess', 'tiktok.com/@marco.pranks', 'promo-rewards.cc', 'getfreecoins.gg', 'gift-claim-center.xyz',
    'meds-express-24.com', 'royal-spins.casino', 'payday-now.loan', 'sweet-dates.online', 'coin-boost.finance', 'remote-income.biz', 'rank-first-seo.com',
    'goedkoop-lenen-direct.nl', 'gratis-prijzen.be', 'telegra.ph/vip-signal'],
  paths=['', '/', '/p/123', '/claim', '/?utm=comment', '/free-now'],
  spam={
    'channel': ['Guys I just hit 50 videos on my channel!! come celebrate with me {url}', 'New {content} every Monday on my channel, come hang out',
      'Hope you dont mind me asking, but could you check out my little channel? Just started with {content}',
      'Shameless plug: my {content} channel {url}', 'I uploaded a reaction to this, you can find it on my page', 'I am a {artist} from {place}, my EP is out now {url}',
      'Nieuw op mijn kanaal: {content}! Laat een like achter {url}', 'Check my latest upload, took me weeks {url}', 'Link in my profile for the full {content} video'],
    'sub4sub': ['Does anyone want to be sub buddies? I sub back instantly', 'Please help, only {n} more subs until my goal', 'Who wants a shoutout? Sub to me and comment your name',
      'If this gets {n} likes I will post my channel here', 'subscribing to everyone who replies to this', 'Wie abonneert, krijgt een abonnee terug!'],
    'giveaway': ['We are selecting {n} lucky winners for a {prize}, register at {url}', 'Reward unlocked: claim your {prize} within 24h at {url}',
      'No joke, I got a {prize} for free from {url}', 'Limited giveaway {prize}! Just enter your email at {url}', 'Je hebt een {prize} gewonnen! Haal hem op via {url}'],
    'crypto': ['This coin is about to pump, get in early {url}', 'My portfolio is up 400% thanks to the signals at {url}', 'Contact {mentor} on telegram, she manages my investments',
      'Stake {coin} and earn 5% daily at {url}'],
    'seo': ['Nice read! We offer affordable {product}, visit {url}', 'Excellent write-up, I will recommend it. Our {product} company: {url}', 'Goede blog! Bekijk ook onze {product} aanbiedingen {url}',
      'Helpful post. By the way, if anyone needs {product}, check {url}'],
    'pharma': ['Get {pill} delivered overnight, no prescription {url}', 'Cheapest {pill} you will find: {url}', 'Koop {pill} zonder recept {url}'],
    'casino': ['Free bonus spins every day at {url}', 'I turned 10 euro into 900 at {url}', 'Bet and win, instant payout {url}'],
    'loans': ['Approved in 5 minutes, loans up to ${money} {url}', 'Geld nodig? Direct lenen zonder gedoe {url}', 'Loan offer for everyone, write to {email}'],
    'dating': ['Lonely tonight? Girls near you are online {url}', 'Hi dear, I am new here, text me on {url} 💕', 'Meet mature singles in your town {url}'],
    'money': ['Easy side hustle, I make {money} a week, ask me how {url}', 'Paid surveys that actually pay {url}', 'Extra inkomen vanuit huis, lees meer op {url}'],
    'praise': ['Truly inspiring post, I have subscribed to your feed. {url}', 'Magnificent article, keep it up! {url}', 'You write so well, thank you. Greetings, {url}'],
    'follow': ['Follow my insta for daily {content} @{handle}', 'go follow me on tiktok {url}', 'Volg mij op instagram voor meer {content}'],
  },
  slots=dict(
    pls=['please', 'pls'], thx=['thanks', ''], content=['workout', 'comedy', 'guitar', 'baking', 'drawing', 'vlog'], age=['17', '22'], artist=['rapper', 'singer', 'dj'],
    place=['Madrid', 'Dublin', 'Lagos', 'Eindhoven'], n=['150', '400', '3k'], n2=['1000'], prize=['PlayStation 5', 'iPhone', 'gift card', 'smartwatch', 'VVV-bon'],
    money=['2,000', '600', '10,000'], coin=['SOL', 'BNB', 'DOGE'], mentor=['Mrs Helen Brooks', 'Mr Daniel Ray'], product=['gutter cleaning', 'SEO audits', 'wedding photography', 'verhuisservice'],
    pill=['tadalafil', 'codeine', 'slimming pills'], handle=['tess.fit', 'marco_pranks'],
  ),
  ham={
    'short_en': ['spot on', 'Thanks!', 'so cute', 'ok this is great', 'big mood', 'brilliant', 'yikes', 'agreed 100%'],
    'short_nl': ['Goed zo', 'Helemaal waar', 'Wat een gedoe', 'Leuk om te lezen', 'Sterk stuk', 'Hm, twijfel'],
    'music': ['The harmonies in the bridge are gorgeous', 'I sang this at karaoke last night', 'This band shaped my teenage years', 'Turn the volume up for the last minute',
      'Saw {singer} live in {place}, unforgettable', 'This album deserved a grammy', 'Dit nummer draaiden we op de bruiloft van mijn zus'],
    'video': ['The way you explained the steps was super clear', 'I paused at {time} to take notes', 'Love how calm this video is', 'Could you share the recipe?',
      'That dog at the end stole the show', 'Leuk om de oude binnenstad weer te zien'],
    'chat_en': ['My neighbour told me about this yesterday', 'We should do this more often', 'I was not expecting that twist', 'This brightened my Monday',
      'Took my mum here for her birthday and she loved it', 'Honestly a great idea', 'Hope everyone stays safe this weekend', 'It is nice to read some good news for once'],
    'civic_nl': ['De nieuwe oversteekplaats bij de school is een verbetering, dank daarvoor.', 'Kan de gemeente ook iets doen aan de hondenpoep in het park?',
      'Volgens mij klopt het bedrag in de tweede alinea niet.', 'Ik mis in het plan de mening van de winkeliers.', 'Mooi dat de kermis weer terug is!',
      'Het verslag van de commissie staat hier: {newsurl}', 'Al drie weken doet de lantaarnpaal het niet. Gemeld, niets gehoord.'],
    'civic_en': ['Is there a way to join the meeting online?', 'The new cycle path is a great improvement.', 'More benches along the canal would be nice.',
      'Here is the report everyone is talking about: {newsurl}'],
    'long_angry': ['Ik ben het hier totaal niet mee eens. Jarenlang horen we dat er geen geld is voor groen in de wijk, en nu komt er ineens een parkeergarage van {money}. Wie heeft dit bedacht en waarom zijn de bewoners niet gehoord? Schandalig.',
      'This is the third time this year the road has been dug up. Every time they promise it is the last time. My shop loses customers every single day the street is closed. Nobody from the council has ever come to talk to us.'],
  },
  hslots=dict(
    singer=['Dua', 'Ed', 'ABBA', 'Nirvana', 'Guus Meeuwis'], time=['4:12', '0:58'], place=['Rotterdam', 'Lisbon', 'Glasgow'], money=['5 miljoen', '900.000'],
    newsurl=['https://nos.nl/artikel/2544120', 'https://www.bbc.com/news/articles/c123', 'https://www.dagblad.example/regio/8871', 'nu.nl/binnenland/6677/raad.html'],
  ),
)

def row_spam(r, bank, cat):
    name, email = spammer(r)
    t = r.choice(bank['spam'][cat])
    slots = dict(bank['slots'])
    slots['url'] = lambda rr: url_of(rr, bank['spam_hosts'], bank['paths'])
    slots['email'] = lambda rr: email
    slots.setdefault('emo', ['', '🔥', '💰'])
    slots.setdefault('n2', ['1000'])
    t = fill(r, t, slots)
    if r.random() < 0.15:  # glue two spam lines, as bots do
        t2 = fill(r, r.choice(bank['spam'][r.choice(list(bank['spam']))]), slots)
        t = t + r.choice([' ', '\n', ' | ', '. '])+ t2
    if r.random() < 0.12:  # copied praise before the link
        t = fill(r, r.choice(bank['spam']['praise']), slots) + ' ' + t
    url = ''
    if r.random() < 0.2: url = 'https://' + r.choice(bank['spam_hosts']).split('/')[0]
    return [name, email, url, roughen(r, t, True), '1']

def row_ham(r, bank, cat):
    name, email = person(r)
    t = fill(r, r.choice(bank['ham'][cat]), bank['hslots'])
    if r.random() < 0.2 and cat not in ('short_en', 'short_nl'):
        t = t + ' ' + fill(r, r.choice(bank['ham'][r.choice([c for c in bank['ham'] if c != '_weights'])]), bank['hslots'])
    if r.random() < 0.1: t = '@' + r.choice(FIRST) + ' ' + t
    if r.random() < 0.06: t = '"' + fill(r, r.choice(bank['ham']['civic_nl']), bank['hslots']) + '"\n\n' + t
    url = 'https://' + name.split(' ')[0].lower() + '.blog.example' if r.random() < 0.05 else ''
    return [name, email, url, roughen(r, t, False), '0']

def write(path, rows):
    with open(path, 'w', newline='', encoding='utf-8') as f:
        w = csv.writer(f)
        w.writerow(['author', 'email', 'url', 'content', 'spam'])
        w.writerows(rows)

def make(bank, n_spam, n_ham, seed):
    r = random.Random(seed)
    rows, seen = [], set()
    def add(row):
        if row[3] not in seen: seen.add(row[3]); rows.append(row)
    sc = list(bank['spam'])
    hc = [c for c in bank['ham'] if c != '_weights'] + bank['ham'].get('_weights', [])
    while sum(1 for x in rows if x[4] == '1') < n_spam: add(row_spam(r, bank, r.choice(sc)))
    while sum(1 for x in rows if x[4] == '0') < n_ham: add(row_ham(r, bank, r.choice(hc)))
    r.shuffle(rows)
    return rows

if __name__ == '__main__':
    with open(os.path.join(ROOT, 'test', 'fixtures', 'spam-corpus.csv'), encoding='utf-8') as f:
        older = [[x['author'], x['email'], x['url'], x['content'], x['spam']] for x in csv.DictReader(f)]
    train = make(BANKS['train'], 1000, 1000, 11) + make(BANKS['train2'], 250, 250, 23) + older
    random.Random(5).shuffle(train)
    write(os.path.join(HERE, 'train.csv'), train)
    # Two halves, so that `spam:eval --train holdout-a.csv holdout-b.csv` learns from one and measures the other.
    holdout = make(BANKS['holdout'], 250, 250, 31)
    write(os.path.join(HERE, 'holdout-a.csv'), holdout[0::2])
    write(os.path.join(HERE, 'holdout-b.csv'), holdout[1::2])
