// An article's story fingerprint: its signature (see signature.ts) as stored text. Ingestion weighs the terms
// by the story index's document frequencies; without them every term weighs the same.
import { DocumentFrequency } from './document-frequency';
import { encodeSignature, signatureOf, storyTerms } from './signature';

const UNWEIGHTED = new DocumentFrequency();

/** The fingerprint of title + lead, or '' when there is too little text to compare (a bare headline). */
export function fingerprint(title: string, text: string, language = 'en', df: DocumentFrequency = UNWEIGHTED): string {
  return encodeSignature(signatureOf(storyTerms(title, text, language), df));
}
