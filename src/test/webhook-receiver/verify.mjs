// What the README tells a receiver to do, with the maintained Standard Webhooks library: verify a message Planwatch
// sent. WebhookDeliveryTest runs it on real deliveries. Reads {"secret", "headers", "body"} as JSON on its standard
// input; prints the verified message's type, or exits with 1 and the library's reason.
import { Webhook } from "standardwebhooks";

let input = "";
for await (const chunk of process.stdin) input += chunk;
const { secret, headers, body } = JSON.parse(input);
try {
  const message = new Webhook(secret).verify(body, headers); // throws if forged, altered or stale
  console.log(message.type);
} catch (refused) {
  console.log(`refused: ${refused.message}`);
  process.exit(1);
}
