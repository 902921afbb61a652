import assert from 'node:assert/strict';
import { sharedRecogniser } from './sharedRecogniser.js';

/** Everyday sayings that sound violent but are not a crisis. */
const NOT_CRISES = [
  'this weather is killing me',
  // Short answers typed at a journey's question ("who is it for?"), not crises.
  'A man',
  'a woman',
  'my mate',
  'what should I do if I see a fight',
  'my feet are killing me after that walk',
  'I could murder a pint right now',
  "I'm dying for a cup of tea",
  'that comedian absolutely killed it',
  'my phone died halfway through the call',
  'I am dead tired after work',
  'bored to death in this meeting',
  'how do I help if I see someone with a knife',
  'what are the knife crime figures for kingston',
  'I saw a fight outside the pub last week, how do I report it',
  'the fire alarm test is at 11',
  'fireworks on our street every night',
  'these exams are killing me',
  'my mate got jumped last year and we never reported it',
  'I am safe now, thanks',
  'I want to help people but I am scared of getting hurt myself',
  'what can I do to stop getting hurt at football',
  'the queue at the post office is killing me',
  'is there support for people who were stabbed years ago',
  'shooting a music video in the market, do I need a permit',
  'does the partnership do any suicide prevention work',
  'what is the plan doing about self harm among young people',
  'I used to self harm when I was a teen, is there support for adults',
  'my friend overdosed last month and survived, where can she get support',
];

/** Explicit, indirect and coded crises that must always be caught. */
const CRISES = [
  "he's outside with a knife",
  'i want to kill myself',
  'kms',
  'thinking about sewerslide',
  'i want to unalive myself',
  "i don't want to be here anymore",
  'everyone would be better off without me',
  "i've taken all my tablets",
  'my boyfriend is hitting me',
  "i'm scared to go home",
  'he said he will kill me if i leave',
  'someone is following me',
  'there is someone trying to break in',
  'i have been self harming',
  'my friend says she is going to kill herself',
  'HELP!!',
  "i'm standing on the bridge",
  "there's a man with a gun on the bus",
  'i was just raped',
  'no one would miss me',
  "I used to self harm and I've started again",
  'my brother took an overdose and he is not waking up',
  'everyone would be happier if i was not here',
  "i'm going to top myself",
  'thinking of doing myself in',
  "i'm just a burden to everyone",
  'my stepdad touches me and i hate it',
  'my family are forcing me to marry him next month',
  'heard gunshots outside right now',
];

describe('understanding: sayings that sound violent', () => {
  it('does not treat everyday violent-sounding sayings as a crisis', async () => {
    const { recogniser } = await sharedRecogniser();
    const flagged = NOT_CRISES.filter((t) => recogniser.recognise(t).route === 'crisis');
    assert.deepEqual(flagged, []);
  });

  it('catches explicit, indirect and coded crises', async () => {
    const { recogniser } = await sharedRecogniser();
    const missed = CRISES.filter((t) => recogniser.recognise(t).route !== 'crisis');
    assert.deepEqual(missed, []);
  });

  it('catches a crisis whatever journey the person is in', async () => {
    const { recogniser } = await sharedRecogniser();
    for (const activeJourney of ['workshop', 'volunteer', 'privacy'] as const)
      assert.equal(recogniser.recognise('i want to end my life', { activeJourney }).route, 'crisis');
  });

  it('tells the kinds of emergency apart for the first steps after 999', async () => {
    const { recogniser } = await sharedRecogniser();
    assert.equal(recogniser.safety('I keep cutting myself').hazard, 'suicide-self-harm');
    assert.equal(recogniser.safety('my husband hits me').hazard, 'domestic-abuse');
    assert.equal(recogniser.safety('there is a man with a machete outside').hazard, 'weapons');
  });
});
