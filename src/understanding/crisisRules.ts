// Rules for risk to life, read over normalised text. They are tuned for recall: a rule that fires
// makes the message a crisis whatever the classifier thinks. Each rule says which kind of crisis
// it found, so the reply can give the right next line after 999.
import { memoiseText } from '../text/memo.js';

export type CrisisKind = 'self-harm' | 'abuse' | 'danger';

export interface CrisisMatch {
  kind: CrisisKind;
  rule: string;
}

interface Rule {
  id: string;
  kind: CrisisKind;
  pattern: RegExp;
  /** Rules about events (not feelings) do not fire for questions, hypotheticals or the past. */
  onlyIfCurrent?: boolean;
  /** Rules that name a topic (suicide, self-harm, overdose) do not fire for questions about the
   * topic or for the past, unless the person also speaks of now. */
  topicWord?: boolean;
}

const PERSON =
  '(he|she|they|him|her|them|my (partner|husband|wife|boyfriend|girlfriend|ex|fiance|fiancee|father|mother|stepdad|stepfather|stepmum|stepmother|step father|step mother|brother|sister|son|daughter|uncle|carer|flatmate|housemate|family)|my (ex )?(partner|husband|wife|boyfriend|girlfriend))';
const WEAPON =
  '(knife|knives|blade|machete|sword|gun|guns|firearm|shotgun|pistol|rifle|axe|weapon|weapons|bat|hammer|acid|crossbow)';
const SELF = '(my ?self|me self|meself|himself|herself|themselves|themself)';

const RULES: Rule[] = [
  // self-harm and suicide, including coded and indirect forms
  {
    id: 'harm-self',
    topicWord: true,
    kind: 'self-harm',
    pattern: new RegExp(
      `(?<!\\b(getting|get|got|gets) )\\b(kill|killing|killed|hurt|hurting|harm|harming|cut|cutting|burn|burning|end|ending|hang|hanging|drown|drowning|poison|poisoning|starve|starving|shoot|stab|stabbing|strangle|suffocate|overdose) ${SELF}\\b`,
    ),
  },
  { id: 'suicide', kind: 'self-harm', topicWord: true, pattern: /\bsuicid(e|al|ally)\b/ },
  { id: 'self-harm', kind: 'self-harm', topicWord: true, pattern: /\bself harm(s|ing|ed|er)?\b/ },
  {
    id: 'want-die',
    kind: 'self-harm',
    pattern:
      /\b(want|wanna|wanting|going|gonna|planning|plan|ready|about|trying|tried|try|thinking about|thought about|think about|tempted|decided|wish i could|wish i was able) to (die|end it|end it all|end things|end my life|take my (own )?life|not be here|not exist|not wake up|disappear forever|kill myself|be dead)\b(?! (of|from) (embarrassment|shame|laughing|laughter|boredom|cringe))/,
  },
  {
    id: 'end-it',
    kind: 'self-harm',
    pattern:
      /\b(end|ending|ended|finish|finishing) (it all|my life|everything|my own life)\b|\btake (my|her|his|their) (own )?life\b|\bending it\b|\bto end it\b|\bcan not keep (myself|me) safe\b|\b(going to|gonna|might|about to|want to) do something stupid\b/,
  },
  {
    id: 'not-live',
    kind: 'self-harm',
    pattern:
      /\b(do not|not|never|no longer|dont) (want|wanna|wish|feel like) (to )?(be here|be alive|live|living|exist|existing|wake up|go on|carry on|be around)( any ?more)?\b(?! (with|filling|booking|the|this form|talking))/,
  },
  {
    id: 'no-point',
    kind: 'self-harm',
    pattern:
      /\b(no|not any|not much|what is the) (point|reason|use) (in |of )?(living|being alive|going on|to live|carrying on|to go on|in life|being here|staying alive|me being here)\b/,
  },
  {
    id: 'better-off',
    kind: 'self-harm',
    pattern:
      /\b(better off (dead|without me|gone|if i (was|were) (dead|gone))|world without me|everyone would be (better|happier)|(happier|better) (if i (was|were) not (here|around|alive)|without me))\b/,
  },
  {
    id: 'cannot-go-on',
    kind: 'self-harm',
    pattern:
      /\bcan not (go on|carry on|keep going|do this any ?more|take (it|this|any ?more) any ?more|take it any ?more|cope any ?more|live like this)\b/,
  },
  {
    id: 'pills',
    kind: 'self-harm',
    pattern:
      /\b(take|taking|took|taken|swallow|swallowed|swallowing|necked|stockpiling|saving up|saved up|hoarding) (all |a |the |my |her |his |loads of |lots of |a load of |a bunch of |a handful of |a whole |some |enough |too many |bottle of |packet of |box of |strip of |two |three |several |both )*(pills|tablets|paracetamol|meds|medication|sleeping pills|box of pills)\b/,
  },
  {
    id: 'overdose',
    kind: 'self-harm',
    topicWord: true,
    pattern: /\b(overdose|overdosed|overdosing|od(ed|d|'d)?)\b/,
  },
  {
    id: 'jump',
    kind: 'self-harm',
    pattern:
      /\b(jump|jumping|throw myself|step|stepping) (off|in|into|from|in front of) (a |the |that |)(bridge|roof|building|river|thames|train|tube|bus|tower|car park|cliff|balcony|motorway|lorry)\b/,
  },
  {
    id: 'not-here',
    kind: 'self-harm',
    pattern:
      /\b(will|would|wo) not be (here|around) (any ?more|much longer|tomorrow|for long|next week)\b|\bnot be around much longer\b/,
  },
  {
    id: 'goodbye-world',
    kind: 'self-harm',
    pattern:
      /\b(goodbye cruel world|goodbye world|this is (my )?goodbye|my last (message|night|day)|final goodbye|last goodbye|wrote (a |my )?(suicide )?note|written (a |my )?note|said my goodbyes)\b/,
  },
  {
    id: 'wish-dead',
    kind: 'self-harm',
    pattern:
      /\b(wish|want|wanted) (i (was|were)|to be|i could be) (dead|gone|never born|not alive)\b|\bwish i (had )?never (been born|woke up)\b/,
  },
  {
    id: 'tired-living',
    kind: 'self-harm',
    pattern:
      /\b(tired|sick|done) (of|with) (living|life|being alive|existing|everything and everyone)\b|\bhate (myself|being alive)\b/,
  },
  {
    id: 'noose',
    kind: 'self-harm',
    pattern: /\b(noose|rope to hang|razor blades?|my blades|scars? again|relapsed|fresh cuts)\b/,
  },
  {
    id: 'sh-coded',
    kind: 'self-harm',
    pattern:
      /\b(sh|cutting|cut) (again|urges?|relapse)\b|\burges? to (sh|cut|hurt)\b|\bcatch the bus\b(?=.*\b(tonight|forever|for good|ready|done)\b)/,
  },
  {
    id: 'kill-me',
    kind: 'self-harm',
    pattern: /\bkill( me)? now\b(?=.*\b(seriously|mean it|not joking|really)\b)/,
  },

  // abuse from someone close, happening now or threatened
  {
    id: 'abuse-hurts',
    kind: 'abuse',
    pattern: new RegExp(
      `\\b${PERSON} (is |just |has |has just |keeps |always |often |also |then |now |again |still )*(hits|hit|hitting|beats|beat|beating|punches|punched|punching|kicks|kicked|kicking|chokes|choked|choking|strangles|strangled|strangling|slaps|slapped|hurts|hurt|hurting|attacks|attacked|rapes|raped|batters|battered|pushes|pushed|shoves|shoved|throws things at|threw things at|smacks|smacked|grabs|grabbed|bit|bites|burnt|burns|drags|dragged|touches|touched|touching|chokes|spits at|spat at) (me|us|my|the kids|the children|mother|father|the baby)\\b`,
    ),
  },
  {
    id: 'abuse-threat',
    kind: 'abuse',
    pattern:
      /(?<!\b(i am|we are|i|we) )\b(going to|gonna|will|threatened to|threatening to|threatens to|says he will|says she will|said he would|said she would|said he will|said they would|swears he will|promised to) (kill|stab|hurt|shoot|burn|strangle|beat|batter|murder|get) (me|us|my|the kids|the children|the baby|himself and me)\b/,
  },
  {
    id: 'abuse-fear',
    kind: 'abuse',
    pattern: new RegExp(
      `\\b(scared|afraid|frightened|terrified|petrified|fear|fearing) (of ${PERSON}|to go home|to go back home|to be at home|to leave (him|her|them|home|the house)|what ${PERSON} (will|might|is going to) do|for my life|${PERSON} (will|might|is going to) (find|hurt|kill|come back))\\b`,
    ),
  },
  {
    id: 'abuse-unsafe-home',
    kind: 'abuse',
    pattern:
      /\b(not safe|unsafe|do not feel safe|never feel safe) (at home|in my (own )?home|in my (own )?house|with (him|her|my partner|my husband|my wife|my boyfriend|my girlfriend|my dad|my father|my mother|my stepdad))\b/,
  },
  {
    id: 'abuse-trapped',
    kind: 'abuse',
    pattern:
      /\b(locked me in|locks me in|will not let me (leave|out|go|see anyone)|would not let me (leave|out|go)|keeping me (locked|prisoner|inside)|held me down|holding me down|took my phone and)\b/,
  },

  // danger to life now
  {
    id: 'in-danger',
    kind: 'danger',
    pattern:
      /\b(i am|we are|i am in|we are in|am in|someone is in|he is in|she is in|they are in|my (friend|child|son|daughter|mother|father|sister|brother) is in) (danger|grave danger|immediate danger|real danger)\b|\b(i am|we are|i feel|we feel) (not|un) ?safe (right )?now\b|\b(i am|we are) not safe\b/,
  },
  {
    id: 'weapon-now',
    kind: 'danger',
    onlyIfCurrent: true,
    pattern: new RegExp(
      `\\b(has|have|has got|got|with|holding|waving|carrying|pulled|pulled out|brandishing|pointing|swinging) (a |an |his |her |their |out a |out an |out his |out her )?(big |huge |massive |large )?(zombie )?${WEAPON}\\b`,
    ),
  },
  {
    id: 'being-attacked',
    kind: 'danger',
    onlyIfCurrent: true,
    pattern:
      /(?<!\b(of|about|without|avoid|risk|from|fear) )\b(am|is|are|being|getting|been) (being )?(attacked|assaulted|beaten( up)?|battered|mugged|robbed|stabbed|shot|followed|chased|stalked|raped|kidnapped|abducted|jumped|strangled|choked|hurt|threatened|dragged|held hostage|trafficked)\b/,
  },
  {
    id: 'injury',
    kind: 'danger',
    onlyIfCurrent: true,
    pattern:
      /\b(bleeding|not breathing|stopped breathing|can not breathe|unconscious|collapsed|fitting|having a seizure|overdosing|stab wound|been stabbed|been shot|lots of blood|blood everywhere)\b/,
  },
  {
    id: 'fire',
    kind: 'danger',
    onlyIfCurrent: true,
    pattern: /\b(is|are) on fire\b|\bthere is a fire\b|\bset (fire to|alight)\b|\bsmell (gas|smoke)\b/,
  },
  {
    id: 'intruder',
    kind: 'danger',
    onlyIfCurrent: true,
    pattern:
      /\b(breaking in|break in|trying to get in|trying to get into (my|our|the|her|his)|trying to break|banging on (my|the) door|kicking (my|the) door|someone is downstairs|in the house with me)\b|\b(someone|somebody|a man|a woman|a guy|men|he|she|they|people|a gang|a group|my ex|strangers?) (is |are )?(in my (house|flat|home|room|garden)|at my (door|window)|outside my (house|flat|door|window|home|room))\b/,
  },
  {
    id: 'attacking-now',
    kind: 'danger',
    onlyIfCurrent: true,
    pattern:
      /\b((is|are) (stabbing|attacking|beating|hitting|punching|kicking|shooting|strangling|choking|robbing|mugging|battering|glassing|slashing|jumping)|(attacking|stabbing|strangling|choking|mugging|glassing|slashing|beating up)) (someone|somebody|a |an |him|her|them|me|us|my|people|each other|the)/,
  },
  {
    id: 'call-help',
    kind: 'danger',
    onlyIfCurrent: true,
    pattern:
      /^(please |pls |someone |somebody )?(call|get|send|ring) (the |an |a |me an |me the |me a )?(police|ambulance|999|fire brigade|paramedics|help)\b|\b(please|pls|can you|could you|someone|somebody) (call|get|send|ring) (the |an |a |me an |me the )?(police|ambulance|999|fire brigade|paramedics)\b/,
  },
  {
    id: 'shout-help',
    kind: 'danger',
    pattern:
      /^(please |pls |somebody |someone )?(help|help me|help us|sos|mayday|heelp)( please| pls| now| me| us| someone| somebody)*( ?!){2,}$|^(sos|mayday|help help( help)*)[!. ]*$|\b(someone|somebody) help (me|us)\b/,
  },
  {
    id: 'kill-threat',
    kind: 'danger',
    pattern:
      /\b(someone|somebody|a man|a woman|a guy|a lad|a group|they|he|she|people) (is |are )?(trying|going|threatening|threatened|about) to (kill|stab|shoot|murder) (me|us|my|him|her|someone|them)\b|\b(trying|going|threatening|about) to (kill|stab|shoot|murder) (me|us)\b/,
  },
  {
    id: 'need-emergency',
    kind: 'danger',
    pattern:
      /\b(need|needs|want) (an|the|a) (ambulance|police officer|paramedic|paramedics|fire engine|fire brigade)\b|\bneed (the )?police (now|here|urgently|right now)\b/,
  },
  {
    id: 'no-one-would-miss',
    kind: 'self-harm',
    pattern:
      /\b(nobody|no one|noone) (would|will|is going to) (miss|notice|care)( about)?( me| if i)\b|\b(no|see no|can not see a|do not see a|there is no) way out\b/,
  },
  {
    id: 'goodbye-message',
    kind: 'self-harm',
    pattern:
      /\b(sent|send|sending|left|leaving|wrote) (me |us |her |him )?(a |his |her |their )?(goodbye|farewell) (message|text|note|letter)\b/,
  },
  {
    id: 'going-to-attack',
    kind: 'danger',
    pattern:
      /\b(going to|gonna|about to|waiting to|planning to|coming to) (jump|attack|beat up|beat|batter|stab|shoot|kill|hurt|rob|get) (me|us)\b/,
  },
  {
    id: 'following-me',
    kind: 'danger',
    onlyIfCurrent: true,
    pattern:
      /\b(is|are|keeps|keep|still) following (me|us)\b|\bfollowing me home\b|\b(waiting|hanging about|hanging around) (outside )?for me\b|\bwaiting outside for me\b|\boutside and (will not|refuses to|does not|is not going to) (leave|go away|go)\b/,
  },
  {
    id: 'they-are-here',
    kind: 'danger',
    pattern:
      /\bhelp\b.*\b(he|she|they) (is|are) (here|back|coming|outside|inside)\b|\b(he|she|they) (is|are) (back|here) (help|please)\b/,
  },
  {
    id: 'killing-someone',
    kind: 'danger',
    onlyIfCurrent: true,
    pattern:
      /\b(is|are) (killing|murdering) (her|him|them|someone|somebody|my|the|each other)\b|\b(someone|somebody|he|she|they|a man|a woman) (is|are) dying\b(?! (to|for|of))/,
  },
  {
    id: 'just-happened',
    kind: 'danger',
    pattern:
      /\b(just (been|got|was|were)|(was|were|got|been) just) (raped|attacked|assaulted|stabbed|shot|mugged|robbed|beaten|beaten up|hit|sexually assaulted|spiked)\b|\b(i|we) (have|has) (just )?been (raped|sexually assaulted|attacked|stabbed|shot|spiked)\b(?!.*\b(ago|years?|last|when i was)\b)/,
  },
  {
    id: 'trapped',
    kind: 'danger',
    pattern:
      /\b(held|kept) against (my|our|her|his|their) will\b|\b(i am|we are|i am being) (trapped|held hostage|kidnapped|locked in)\b|\b(i am|we are) hiding (in|from|under|behind)\b|\bscreaming for help\b/,
  },
  {
    id: 'on-fire',
    kind: 'danger',
    onlyIfCurrent: true,
    pattern: /\bon fire\b(?!.*\b(figuratively|metaphorically)\b)/,
  },
  {
    id: 'scared-now',
    kind: 'danger',
    pattern:
      /\b(scared|terrified|frightened|afraid|petrified) (right now|for my life|he will|she will|they will)\b|\bsmashing (things|the place|stuff|the house|up the)\b/,
  },
  {
    id: 'bridge-edge',
    kind: 'self-harm',
    pattern:
      /\b(standing|stood|sat|sitting) (on|at) (the |a )?(edge of (the |a )?)?(bridge|ledge|edge|roof|rooftop|platform edge|cliff)\b/,
  },
  {
    id: 'make-it-stop',
    kind: 'self-harm',
    pattern:
      /\bwant (it all|everything|the pain|it|all of it|this) to (stop|end)( forever| for good| permanently)?\b(?=.*\b(forever|for good|permanently|pain|everything|all)\b)|\bdisappear (and never come back|forever|for good)\b|\b(sleep|go to sleep|fall asleep) and (not|never) wake up\b|\b(go to )?sleep forever\b|\b(my )?life (is not|is no longer|not) worth living\b/,
  },
  {
    id: 'means-ready',
    kind: 'self-harm',
    pattern:
      /\b(pills|tablets|blade|blades|razor|rope) (are |is )?(in front of|next to|beside|ready|lined up)\b|\b(bought|got|have|found) (a |some )?rope\b/,
  },
  {
    id: 'help-me-someone',
    kind: 'danger',
    pattern: /^(please )?help me,? (someone|somebody|anyone)\b/,
  },
  {
    id: 'jump-from-height',
    kind: 'self-harm',
    pattern:
      /\b(want|wanna|going|gonna|about|ready|thinking about|planning) to jump\b(?=.*\b(bridge|roof|ledge|building|window|balcony|train|tube|cliff|car park|tower|river|thames)\b)|\b(on|at) the (bridge|roof|ledge|edge)\b(?=.*\bjump\b)/,
  },
  {
    id: 'slang-self',
    kind: 'self-harm',
    pattern:
      /\b(top|topping|off|offing|neck|necking|yeet|yeeting|end|unalive) (my ?self|meself)\b|\bdo (my ?self|meself) in\b|\b(i am|i feel like|i am just) (a|such a|nothing but a) burden\b|\bend me\b(?=.*\b(please|seriously|now|tonight)\b)/,
  },
  {
    id: 'weapons-fired',
    kind: 'danger',
    onlyIfCurrent: true,
    pattern:
      /\b(gunshots|gun shots|shots fired|heard shots|shooting outside|acid attack|threw acid|thrown acid|a bomb|suspicious package)\b/,
  },
  {
    id: 'forced',
    kind: 'abuse',
    pattern:
      /\b(forcing|forced|make|making) me (to )?(marry|get married)\b|\b(took|taken|have|kept|keeping) my passport\b(?=.*\b(can not|not allowed|will not let|leave|work)\b)|\b(going to|want to|will) cut (my|her) (daughter|sister|girl)\b/,
  },
];

/** Words that make an event rule a question, a hypothetical or a story about the past. */
const NOT_CURRENT =
  /\b(what (should|do|would|can|could|to) (i|you|we|people|one|do)|what to do|if (i|you|we|someone|somebody|anyone|a|there|they|people|he|she)|when (i|you|someone|somebody|people)|how (do|should|can|would|to)|should i|would you|ever|tips|advice|training|workshop|course|statistics|stats|figures|rates|awareness|campaign|crime in|a film|a movie|the news|on tv|documentary|game|yesterday|last (week|night|month|year|time|weekend|summer|winter|friday|saturday|sunday|monday|tuesday|wednesday|thursday)|ago|earlier|before|was|were|saw|seen|had|happened|used to|back in|in the past|years?|after|since|afterwards|recover|recovering)\b/;
/** Words that say it is happening now, which win over the words above. */
const NOW =
  /\b(right now|now|at the moment|currently|as we speak|as i type|is outside|is here|are here|are outside|is in my|is at my|is at the|is following|are following|is still|are still|still here|still outside|coming back|on his way|on her way)\b|!!/;

/** A question about a topic rather than about oneself: the plan, services, prevention, figures. */
const ABOUT_TOPIC =
  /\b(prevention|prevent|awareness|training|course|workshop|strategy|plan|partnership|council|statistics|stats|figures|rates?|research|policy|policies|campaign|among|amongst|doing about|work on|approach to|in the borough|in kingston|bereaved|bereavement|grief|grieving|families of|family of)\b/;
/** The past, told as the past. */
const PAST =
  /\b(used to|years ago|months ago|last (year|month|summer|winter|spring|autumn)|when i was (a |younger|at school|little|in my)|in the past|back then|survived|recovered|recovering)\b/;
/** Someone speaking of now, which outweighs both of the above. */
const NOW_PERSONAL =
  /\b(i (want|wanna|am going|am gonna|feel|keep|have been|can not stop|might|will|am thinking|am planning)|right now|tonight|today|again|still|started|at the moment|currently)\b/;

function findCrisisRule(normalisedText: string): CrisisMatch | undefined {
  const current = !NOT_CURRENT.test(normalisedText) || NOW.test(normalisedText);
  const aboutOrPast =
    (ABOUT_TOPIC.test(normalisedText) || PAST.test(normalisedText)) && !NOW_PERSONAL.test(normalisedText);
  for (const rule of RULES) {
    if (rule.onlyIfCurrent && !current) continue;
    if (rule.topicWord && aboutOrPast) continue;
    if (rule.pattern.test(normalisedText)) return Object.freeze({ kind: rule.kind, rule: rule.id });
  }
  return undefined;
}

/** The first crisis rule the (normalised) text meets, if any. Remembered: it runs twice a message. */
export const detectCrisis: (normalisedText: string) => Readonly<CrisisMatch> | undefined =
  memoiseText(findCrisisRule);

/** Everyday sayings that sound violent; they stop a classifier-only crisis guess (never a rule). */
const IDIOMS =
  /\b(killing me|kills me|killed it|killing it|kill (time|for a|the mood|the vibe)|dying (to|for|of (laughter|boredom|embarrassment|thirst|hunger))|to die for|dead (tired|good|nice|easy|funny|on|busy|quiet|boring)|bored to death|scared to death|drop dead|murder a (pint|curry|kebab|burger|coffee|cup of tea)|(weather|heat|cold|traffic|commute|queue|feet|back|hangover|exams|work|kids|neighbours|noise|bins) (is|are) (killing|murdering)|fight (for|against|crime|back|the)|fire (alarm|drill|safety|works)|fireworks|shot (of|a photo|on goal)|knocked (me|it) dead|(phone|laptop|computer|battery|car|tv|telly|ipad|tablet|printer|plant|plants|wifi|internet) (is |has |just )*(died|dead)|died on me|dead battery)\b/;

export function soundsViolentButIsNot(normalisedText: string): boolean {
  return IDIOMS.test(normalisedText);
}

/** Best guess of the kind of crisis when only the classifier spoke. */
export function guessCrisisKind(normalisedText: string): CrisisKind {
  if (
    /\b(myself|my self|die|dying|dead|suicid|self harm|cut|pills|overdose|live|living|alive|end it)\b/.test(
      normalisedText,
    )
  )
    return 'self-harm';
  if (
    /\b(partner|husband|wife|boyfriend|girlfriend|ex|father|mother|stepdad|home|hits|hit|abuse|abusive)\b/.test(
      normalisedText,
    )
  )
    return 'abuse';
  return 'danger';
}
