import type { Answer } from "../answer/answer.js";
import { type Directory, findService } from "../directory/directory.js";
import { formatDate } from "../answer/format-date.js";
import { describeSource } from "../directory/describe-source.js";

/** The readable form of an answer for a terminal: the reply, then each service's details. */
export function formatAnswerText(answer: Answer, directory: Directory): string {
  const [intro, ...rest] = answer.reply.split("\n");
  const closing = rest.filter((line) => !/^\d+\. /.test(line));
  const cards = answer.results.map((result, index) => {
    const service = findService(directory, result.id);
    const phone = service?.phones?.[0]?.number;
    return [
      `${index + 1}. ${result.name}`,
      `   ${result.organization}`,
      `   Why: ${result.why}`,
      `   How to refer: ${result.how_to_refer}`,
      ...(phone ? [`   Phone: ${phone}`] : []),
      `   Last verified: ${formatDate(result.last_verified)}${service ? ` (${describeSource(service)})` : ""}`,
    ].join("\n");
  });
  return [intro, ...cards, ...closing].filter((part) => part !== undefined && part !== "").join("\n\n");
}
