import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { charsetOf, decodeBody } from '../../src/sources/feed/charset';
import { htmlToText } from '../../src/sources/feed/html-text';

describe('htmlToText', () => {
  it('keeps paragraphs, drops scripts and decodes entities', () => {
    expect(htmlToText('<p>One&nbsp;two &amp; three</p><script>x()</script><p>Four<br>five</p>')).toBe('One two & three\n\nFour\nfive');
  });
  it('passes plain text through', () => {
    expect(htmlToText('5 < 7 and 9 > 8')).toBe('5 < 7 and 9 > 8');
  });
});

describe('decodeBody', () => {
  const text = '<?xml version="1.0" encoding="windows-1251"?><t>Привет</t>';
  it('reads the XML declaration when the header says nothing', () => {
    expect(decodeBody(iconv.encode(text, 'win1251'), 'application/xml')).toContain('Привет');
  });
  it('lets Content-Type win over the declaration, and a BOM win over both', () => {
    expect(decodeBody(iconv.encode('<?xml version="1.0" encoding="utf-8"?><t>Привет</t>', 'koi8-r'), 'text/xml; charset=koi8-r')).toContain('Привет');
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('<?xml version="1.0" encoding="latin1"?><t>Zürich</t>')]);
    expect(decodeBody(bom, 'text/xml; charset=koi8-r')).toContain('Zürich');
  });
  it('falls back to UTF-8 for an unknown charset name', () => {
    expect(decodeBody(Buffer.from('<t>ok é</t>'), 'text/xml; charset=x-bogus')).toBe('<t>ok é</t>');
  });
  it('reads Latin-1 labels as windows-1252, as browsers do', () => {
    expect(decodeBody(Buffer.from([0x93, 0x71, 0x94]), 'text/html; charset=iso-8859-1')).toBe('“q”');
  });
  it('reads a declared UTF-16 on ASCII-based bytes as UTF-8 (a mislabel)', () => {
    expect(charsetOf(Buffer.from('<meta charset="utf-16"><p>café</p>'), null)).toBe('utf-8');
  });
  it('finds UTF-16 and UTF-32 without a byte-order mark by their zero bytes', () => {
    const text = '<?xml version="1.0"?><t>Привіт</t>';
    expect(charsetOf(iconv.encode(text, 'utf-16le'), null)).toBe('utf-16le');
    expect(charsetOf(iconv.encode(text, 'utf-16be'), null)).toBe('utf-16be');
    expect(charsetOf(iconv.encode(text, 'utf-32le'), null)).toBe('utf-32le');
    expect(charsetOf(iconv.encode(text, 'utf-32be'), null)).toBe('utf-32be');
  });
  it('detects an undeclared legacy Cyrillic charset instead of reading it as UTF-8', () => {
    const text = '<p>Строители закончили укладку пролётов нового моста, движение откроют в июле.</p>';
    expect(decodeBody(iconv.encode(text, 'koi8-r'), 'text/html')).toBe(text);
    expect(decodeBody(iconv.encode(text, 'windows-1251'), null)).toBe(text);
  });
});
