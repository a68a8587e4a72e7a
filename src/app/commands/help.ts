// /help (and the answer to an unknown command) from the one command table, in the syntax of the platform asked
// on: text arguments (Telegram) or typed options (Discord).
import { COMMANDS, type CommandRequest } from '../../core/commands';
import { type Document, bold, text } from '../../core/document';

/** True when the platform hands over typed options (Discord), so help shows option names and only its commands. */
export const takesOptions = (req: CommandRequest): boolean => req.options !== undefined;

export function helpDocument(req: CommandRequest, lead?: string): Document {
  const typed = takesOptions(req);
  const rows = COMMANDS.flatMap((c) => {
    const usage = typed ? c.optionsUsage : c.usage;
    return usage === null ? [] : [[bold(`/${c.name}${usage ? ` ${usage}` : ''}`), text(` — ${c.description}`)]];
  });
  const admins = req.adminRole ?? 'its admins';
  return {
    sections: [
      {
        blocks: [
          { kind: 'paragraph', inlines: lead ? [text(lead)] : [bold('Tidings'), text(' reads the news and sends one short digest a day: each story summarized in its own words, with the key quote and who said it.')] },
          { kind: 'list', items: rows },
          { kind: 'paragraph', inlines: [text(`In a group, only ${admins} change the digest settings; everyone may look at them.`)] },
        ],
      },
    ],
  };
}
