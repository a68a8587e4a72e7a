import { describe, expect, it } from 'vitest';
import { extractQuotes } from '../../../src/core/quotes/index.js';

const only = (text: string) => extractQuotes(text).map((q) => ({ text: q.text, speaker: q.speaker, cue: q.cue }));

describe('extractQuotes', () => {
  it('finds straight and curly quotes with the speaker after', () => {
    expect(only('"Taxes will fall," Jane Doe said.')).toEqual([{ text: 'Taxes will fall', speaker: 'Jane Doe', cue: 'said' }]);
    expect(only('“Taxes will fall,” said Jane Doe, the finance minister.')).toEqual([
      { text: 'Taxes will fall', speaker: 'Jane Doe', cue: 'said' },
    ]);
  });

  it('finds the speaker before the quote', () => {
    expect(only('Jane Doe said: "Taxes will fall next year."')).toEqual([
      { text: 'Taxes will fall next year.', speaker: 'Jane Doe', cue: 'said' },
    ]);
    expect(only('According to Jane Doe, "taxes will fall next year for most families."')).toMatchObject([
      { speaker: 'Jane Doe', cue: 'according to' },
    ]);
  });

  it('keeps several sentences and a quote split around its attribution as one quote', () => {
    const [quote, ...rest] = extractQuotes('"We won. It was hard," she said. "Now we rest."\n\nMary Major leads the team.');
    expect(rest).toHaveLength(0);
    expect(quote?.text).toBe('We won. It was hard … Now we rest.');
    expect(quote?.parts.map((p) => p.text)).toEqual(['We won. It was hard', 'Now we rest.']);
  });

  it('keeps nested single quotes inside the quote', () => {
    const [quote] = extractQuotes(`"People say 'what a victory for him' but he disagrees," Ann Lee said.`);
    expect(quote?.text).toBe(`People say 'what a victory for him' but he disagrees`);
    expect(quote?.speaker).toBe('Ann Lee');
  });

  it('does not take scare quotes or titles for quotes', () => {
    expect(extractQuotes('The senator called it a "hoax" and went on to appear on "Shark Tank" later.')).toEqual([]);
    expect(extractQuotes('She starred in “The Last Of The Mohicans” in 1992.')).toEqual([]);
  });

  it('strips roles and titles down to the name', () => {
    expect(only('"We will see," US Secretary of State Marco Rubio said.')[0]?.speaker).toBe('Marco Rubio');
    expect(only('"We will see," said Mr. John Smith (D-Va.), a senator.')[0]?.speaker).toBe('John Smith');
  });

  it('resolves pronouns to the person last reported as speaking', () => {
    const text = 'Marco Rubio spoke to reporters on Monday. He met Vladimir Putin later.\n\n"We are ready," he said.';
    expect(only(text)[0]?.speaker).toBe('Marco Rubio');
  });

  it('resolves a role noun to the person who holds it', () => {
    const text = 'US Secretary of State Marco Rubio flew to Alaska.\n\n"It will be hard," the Secretary of State said.';
    expect(only(text)[0]?.speaker).toBe('Marco Rubio');
  });

  it('prefers the full name to a later surname', () => {
    const text = 'Jane Doe runs the fund.\n\n"Rates will rise this spring," Doe added.';
    expect(only(text)).toEqual([{ text: 'Rates will rise this spring', speaker: 'Jane Doe', cue: 'added' }]);
  });

  it('knows many cue verbs', () => {
    for (const cue of ['told', 'noted', 'stated', 'emphasized', 'acknowledged', 'added', 'wrote']) {
      expect(only(`"The plan is sound and it will work," Jane Doe ${cue}.`)[0]).toMatchObject({ speaker: 'Jane Doe', cue });
    }
  });

  it('gives a signed pull quote to its signer', () => {
    expect(only('“He does not listen to us at all.” ― Ana Ruiz')).toEqual([
      { text: 'He does not listen to us at all.', speaker: 'Ana Ruiz', cue: null },
    ]);
  });

  it('gives a source described but never named as the text words it', () => {
    expect(only('"The talks have stalled for now," a source said.')[0]?.speaker).toBe('a source');
    expect(only('"A state cannot purge its voters this way," the ruling said.')[0]?.speaker).toBe('the ruling');
    expect(only('"The party is in a frenzy," said one Democratic source on the panel.')[0]?.speaker).toBe('one Democratic source');
    expect(only('"That was outrageous," said Obama\'s former campaign strategist.')[0]?.speaker).toBe("Obama's former campaign strategist");
  });

  it('prefers a name to a description and never takes a description for a later "he"', () => {
    const text = 'Jane Doe, the union\'s leader, spoke first.\n\n"We are ready to strike," the union leader said.\n\n"The rules were broken," the letter said. "It will not stand," he said.';
    expect(only(text).map((q) => q.speaker)).toEqual(['Jane Doe', 'the letter', 'Jane Doe']);
  });

  it('reads a speech verb of another language between the quote and its speaker', () => {
    expect(only('«Es el mayor esfuerzo en vivienda de nuestra democracia», dijo Pedro Sánchez en el Congreso.')[0]).toMatchObject({ speaker: 'Pedro Sánchez', cue: 'dijo' });
    expect(only('«Nous ne céderons pas sur les retraites», a déclaré Marie Dupont mardi.')[0]).toMatchObject({ speaker: 'Marie Dupont', cue: 'a déclaré' });
    const uk = 'Президент України Володимир Зеленський прибув до Києва.\n\n«Ми готові говорити, але землі не віддамо», — сказав Зеленський журналістам.';
    expect(only(uk)[0]).toMatchObject({ speaker: 'Володимир Зеленський', cue: 'сказав' });
  });

  it('guesses no speaker for an unattributed quote outside English narration', () => {
    const text = 'Киев готов к встрече в любом формате.\n\n«Мы готовы говорить, но не будем отдавать наши земли».';
    expect(extractQuotes(text, undefined, 'ru')[0]?.speaker).toBeNull();
    expect(extractQuotes('Jane Doe spoke to reporters on Monday.\n\n"We are ready to talk about it."', undefined, 'en')[0]?.speaker).toBe('Jane Doe');
  });

  it('leaves the speaker null when the words name no source', () => {
    expect(only('"The talks have stalled for now," the next day said.')[0]?.speaker ?? null).toBeNull();
    expect(only('"We will see," that way said it.')[0]?.speaker ?? null).toBeNull();
  });

  it('gives words woven into a sentence to the name that opens it', () => {
    const text = 'Ann Lee said, "We are ready for this vote." John Smith is sure the tax plan is "a reckless gamble with the savings of every family" and will vote no.';
    expect(only(text)[1]?.speaker).toBe('John Smith');
  });

  it('takes a lower-case description before a name as its apposition', () => {
    expect(only('"The donors are worried about the party," spokesman John Smith said.')[0]?.speaker).toBe('John Smith');
    expect(only('"We will vote no on this bill," state Sen. Jane Doe (D) said.')[0]?.speaker).toBe('Jane Doe');
  });

  it('ends the speaker after a cue at a phrase of time or place', () => {
    expect(only('"We will win this state in the fall," said Jane Doe during the debate in Ohio.')[0]?.speaker).toBe('Jane Doe');
  });

  it('reads transcript lines with a party tag before the colon', () => {
    expect(only('Rep. John Smith (R-S.C.):"Who told you that figure was right?"')[0]?.speaker).toBe('John Smith');
  });

  it('looks past a clause of auxiliaries to the subject', () => {
    const text = 'Mr. Smith, asked about the deaths, had said, "I think our country does plenty of that."';
    expect(only(text)[0]?.speaker).toBe('Smith');
  });

  it('does not take a cut-off party tag for a name', () => {
    const text = 'After winning Ohio, Gov. John Smith (R-OH), said, “We are going all the way to the convention.”\n\nHe went on:\n\n"I grew up in a little blue collar town near here and I know these problems.';
    expect(only(text).map((q) => q.speaker)).toEqual(['John Smith', 'John Smith']);
  });

  it('skips attribute values of markup pasted into the text', () => {
    expect(extractQuotes('<tweet pic="pic.twitter.com/f" author="someone" timestamp="1457542800" tweet_id="707395">great rally tonight.</tweet>')).toEqual([]);
  });

  it('keeps a particle inside a name', () => {
    const text = 'Mayor Bill de Blasio spoke to reporters.\n\n"We do not see a link to terrorism," the mayor said.';
    expect(only(text)[0]?.speaker).toBe('Bill de Blasio');
  });

  it('does not take a capitalized determiner for a name', () => {
    expect(only('Another voter was less kind: "It was the worst speech of the whole campaign."')[0]?.speaker).toBeNull();
  });

  it('falls back to the subject of the sentence when the clause before the cue names nobody', () => {
    const text = 'Ann Lee leads the race in Iowa.\n\nSmith, meanwhile, who sits at zero such endorsements, said that fact speaks volumes about which of the two candidates is "prepared to take on the establishment."';
    expect(only(text)[0]?.speaker).toBe('Smith');
  });

  it('names the speaker in full: particles kept, an outlet left out, a first name taken for the one person it starts', () => {
    const speaker = (text: string) => extractQuotes(text)[0]?.speaker;
    expect(speaker('The wreck was found last week. "We found it by chance in the mud," said Nick Van den Brul, a local diver.')).toBe('Nick Van den Brul');
    expect(speaker('Abu Bakr al-Baghdadi spoke in the video. "We will win this war," al-Baghdadi said.')).toBe('Abu Bakr al-Baghdadi');
    expect(speaker('Speaking to Golf Channel Alexis Thompson said: "I am absolutely delighted with the way I played."')).toBe('Alexis Thompson');
    expect(speaker('Julia Louis-Dreyfus covers the magazine this month. "I was terrified of the part," Julia said.')).toBe('Julia Louis-Dreyfus');
    // Two people share the first name: it stays as the article gives it.
    expect(speaker('Julia Roberts and Julia Louis-Dreyfus met. "I was terrified of the part," Julia said.')).toBe('Julia');
  });

  it('never takes the person a quote is about for its speaker', () => {
    const [quote] = extractQuotes("Striker Wayne Rooney scored twice. Manager Louis van Gaal was pleased. 'Van Gaal has been brilliant with me and the whole squad,' Rooney told Sky Sports.");
    expect(quote?.speaker).toBe('Wayne Rooney');
  });

  it('gives a quote to the head of a long apposition, not to its age or its town', () => {
    const speaker = (text: string) => extractQuotes(text).at(-1)?.speaker;
    expect(speaker("Passenger Chris Downes, 46, was recording. Yesterday Wolves fan Mr Downes, who was on his way home to Bayston Hill, Shropshire, with son Jack, 14, said: 'There had been loads of banter between the fans.'")).toBe('Chris Downes');
    expect(speaker("Others were angry. Mark Peaker, 47, a father-of-three, from Telford said: 'I could not believe what I was hearing on that train.'")).toBe('Mark Peaker');
  });
});

describe('extractQuotes, paragraphs run together', () => {
  it('closes a single-quoted quote where the next one opens against it, and reads the two as parts of one', () => {
    const text = "Chris Downes said: 'The atmosphere was a bit hostile at times, to be honest.'But I thought at the time he might get into trouble for it.'";
    const quotes = extractQuotes(text);
    expect(quotes).toHaveLength(1);
    expect(quotes[0]?.parts.map((p) => p.text)).toEqual(['The atmosphere was a bit hostile at times, to be honest.', 'But I thought at the time he might get into trouble for it.']);
    expect(quotes[0]?.text).toContain(' … ');
    expect(quotes[0]?.speaker).toBe('Chris Downes');
  });
});

describe('extractQuotes, read as PolNeAR reads it', () => {
  it('does not take a programme named at the end of an attribution for part of the quote', () => {
    const text = '"It is certainly more of a consideration than it was," Cuban said in an interview airing Sunday on NBC\'s "Meet the Press." "You don\'t have to be the perfect candidate."';
    const quotes = extractQuotes(text);
    expect(quotes.flatMap((q) => q.parts.map((p) => p.text))).not.toContain('Meet the Press.');
    expect(quotes[0]?.speaker).toBe('Cuban');
  });

  it('closes a quote on an opening mark typed against the word before it', () => {
    const quotes = extractQuotes('“It\'s unusual,“ said Larry Noble, an attorney with the Campaign Legal Center. “It\'s a hard thing to do.”');
    expect(quotes[0]?.parts.map((p) => p.text)).toEqual(["It's unusual", "It's a hard thing to do."]);
    expect(quotes[0]?.speaker).toBe('Larry Noble');
  });

  it('finds the subject of an earlier clause when the clause before the cue names nobody', () => {
    const quotes = extractQuotes('Boreing said the members will still meet for drinks and speakers, but said, “It’s time we change how we do it.”');
    expect(quotes[0]?.speaker).toBe('Boreing');
  });

  it('keeps a source described but not named, without its relative clause', () => {
    const quotes = extractQuotes('Although there is no such overlap, a White House official who spoke anonymously said Wednesday, "Certainly there are discussions between the two camps."');
    expect(quotes[0]?.speaker).toBe('a White House official');
  });
});

describe('extractQuotes, sources described or set apart', () => {
  it('reads a speaker after a heading and a dash', () => {
    const quotes = extractQuotes('RED STATES OUTNUMBER BLUE STATES FOR THE FIRST TIME - Jeffrey M. Jones: “Gallup’s analysis finds that 20 states are solidly Republican.”');
    expect(quotes[0]?.speaker).toMatch(/^Jeffrey M\.? Jones$/u);
  });

  it('keeps "one of those advisers" and a described source before an apposition', () => {
    expect(extractQuotes('"There won\'t be a path for Bernie to succeed," said one of those advisers, who spoke on the condition of anonymity.')[0]?.speaker).toBe('one of those advisers');
    expect(extractQuotes('A Warren adviser, who spoke on the condition of anonymity, said of the senator, "She takes the threat very seriously."')[0]?.speaker).toBe('A Warren adviser');
  });
});

describe('extractQuotes, titles that are not quotations', () => {
  it('leaves out a headline credited to its writer', () => {
    const text = 'SHORT READS:\n\n—"An NYPD sketch artist gets a gallery show," by Hyperallergic\'s Carey Dunne: http://bit.ly/x.\n\n"We are ready," the mayor said.';
    expect(extractQuotes(text).map((q) => q.text)).toEqual(['We are ready']);
  });

  it('leaves out the quote of a headline line (name, colon, quote) and keeps the story\'s', () => {
    const text = "Reid: 'Never, ever, ever underestimate Trump.'\n\nHarry Reid has some advice for Democrats.\n\n\"Never, ever, ever underestimate Trump,\" Reid said on Tuesday.";
    const quotes = extractQuotes(text);
    expect(quotes).toHaveLength(1);
    expect(quotes[0]?.speaker).toBe('Harry Reid');
  });

  it('keeps the quote of a short lede that says who spoke', () => {
    const text = 'Reid said: "We will win this."\n\nThe leader spoke in Nevada.\n\nHe took no questions.';
    expect(extractQuotes(text).map((q) => q.text)).toEqual(['We will win this.']);
  });
});

describe('extractQuotes, a quotation inside a quotation', () => {
  it('keeps curly marks inside a straight-quoted span as part of it', () => {
    const quotes = extractQuotes('Dr. Ward stated: "The Department of Justice isn’t about “Equal Justice Under Law” anymore. It’s about something else."');
    expect(quotes).toHaveLength(1);
    expect(quotes[0]?.text).toBe('The Department of Justice isn’t about “Equal Justice Under Law” anymore. It’s about something else.');
  });
});

describe('extractQuotes, print flattened into one paragraph', () => {
  it('ends a quote left open where a pasted period ended its paragraph', () => {
    const text = "‘We've had no phone calls. This is a great club. Pulis praised recent recruit Darren Fletcher as a role model for Berahino . ‘The question was whether he would like to play in a top four team,’ said Pulis.";
    const texts = extractQuotes(text).flatMap((q) => q.parts.map((p) => p.text));
    expect(texts.some((t) => t.includes('Pulis praised'))).toBe(false);
  });

  it('keeps an ellipsis of spaced periods inside the quote', () => {
    const quotes = extractQuotes('Ban said: "There is no perfect agreement in this world. . . . The once unthinkable has become unstoppable."');
    expect(quotes).toHaveLength(1);
  });
});

describe('extractQuotes, names across a sentence end', () => {
  it('does not join a title ending one sentence and a name opening the next into a person', () => {
    const text =
      'Sony cancelled the release of The Interview. Obama also announced new measures on Friday. ' +
      "'Sony has been fighting to get this picture distributed,' he said.";
    expect(only(text)).toEqual([{ text: 'Sony has been fighting to get this picture distributed', speaker: 'Obama', cue: 'said' }]);
  });

  it('still reads a title abbreviation with its period as part of the name', () => {
    expect(only('Sen. Marco Rubio spoke on Monday. "We will vote," he said.')).toEqual([{ text: 'We will vote', speaker: 'Marco Rubio', cue: 'said' }]);
  });
});
