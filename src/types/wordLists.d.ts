// The humannames package is one JSON object whose keys are given names and surnames.
declare module 'humannames' {
  const names: Record<string, number>;
  export = names;
}

// an-array-of-english-words is one JSON array of lower-case English words.
declare module 'an-array-of-english-words' {
  const words: readonly string[];
  export = words;
}
