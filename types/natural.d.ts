// natural is imported by path (its package root loads database clients); these are the modules we use.
declare module 'natural/lib/natural/stemmers/porter_stemmer' {
  const PorterStemmer: { stem(word: string): string; tokenizeAndStem(text: string, keepStops?: boolean): string[] };
  export default PorterStemmer;
}
