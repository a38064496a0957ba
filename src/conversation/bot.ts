import type { IncomingMessage } from "./incoming-message.js";
import type { Reply } from "./reply.js";

/**
 * The one entry point every channel calls: a neutral message in, a neutral
 * reply out. No channel or vendor type crosses this line.
 */
export interface Bot {
  handle(message: IncomingMessage): Promise<Reply>;
}
