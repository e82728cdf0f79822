/**
 * The build's side of results sheets beside their round (beside.ts): wraps a collection's loader so that, once the
 * YAML files are loaded, the records a round's sheet makes or changes replace or join them in the content store.
 * Nothing is written to content/. A sheet with problems changes nothing here: the content check, which runs beside
 * every build (scripts/build.ts), lists its problems and stops the build.
 */
import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import { roundSheetsOnce } from './beside.ts';
import type { Collection } from './content.ts';

export function withRoundSheets(inner: Loader, collection: Collection): Loader {
  return {
    name: `${inner.name}+round-sheets`,
    load: async (context) => {
      await inner.load(context);
      const root = fileURLToPath(context.config.root);
      for (const sheet of await roundSheetsOnce(root)) {
        if (sheet.problems.length > 0) {
          context.logger.warn(`${sheet.file}: ${sheet.problems.length} lỗi, bảng chưa được đọc (xem npm run check)`);
          continue;
        }
        for (const record of sheet.records) {
          if (record.collection !== collection) continue;
          const data = await context.parseData({ id: record.id, data: record.data, filePath: sheet.file });
          context.store.set({ id: record.id, data, filePath: sheet.file, digest: context.generateDigest(record.data) });
        }
      }
    },
  };
}
