import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

/** An imported feed's file, as `npm run import -- oruk` writes one (drama numbers, example.org). */
export const importedFile = `organization:
  id: test-feed-riverside-bereavement
  name: Riverside Bereavement Circle
services:
  # ORUK id 3f1c2b9e-0000-4000-8000-000000000001
  - id: test-feed-riverside-bereavement-circle
    name: Riverside bereavement circle
    description: A monthly group for people who have lost someone close.
    offer: vcs
    needs: [social-isolation]
    service_areas: [blaby]
    referral_routes: [self]
    how_to_refer: Phone the circle's coordinator.
    phones:
      - number: 0116 496 0999
    last_verified: 2025-02-01
    source: ORUK feed test-feed
`;

/** Puts `importedFile` where the import would, in a copy of the directory; returns its path relative to services/. */
export function writeImportedFile(directoryDir: string): string {
  const relative = "imported/test-feed/riverside-bereavement-circle.yaml";
  mkdirSync(path.dirname(path.join(directoryDir, "services", relative)), { recursive: true });
  writeFileSync(path.join(directoryDir, "services", relative), importedFile);
  return relative;
}
