// natural is imported by module path (its package root loads database clients). These declare the
// few deep modules Tidings uses, with the shapes their CommonJS files really export.

declare module 'natural/lib/natural/stemmers/porter_stemmer' {
  const PorterStemmer: { stem(token: string): string };
  export default PorterStemmer;
}

declare module 'natural/lib/natural/util/stopwords' {
  export const words: string[];
}

declare module 'natural/lib/natural/tokenizers/sentence_tokenizer' {
  export default class SentenceTokenizer {
    constructor(abbreviations?: string[], trimSentences?: boolean);
    tokenize(text: string): string[];
  }
}

declare module 'natural/lib/natural/util/abbreviations_en' {
  export const knownAbbreviations: string[];
}
