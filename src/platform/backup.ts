import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { openDb } from '../db/index.js';

/**
 * Backup and restore of the embedded database's data folder 内嵌库备份 (`kaquan backup FILE`,
 * `kaquan restore FILE`). PGlite is one process's database: stop the server first (docs/operations.md).
 * The file is PGlite's own data-dir tarball, gzipped. PostgreSQL is backed up with its own tools
 * (pg_dump / pg_restore), as docs/operations.md shows; both restores are tested to pass `kaquan verify`.
 */
export async function backupEmbedded(dataDir: string, file: string): Promise<{ bytes: number }> {
  if (!existsSync(dataDir) || readdirSync(dataDir).length === 0) throw new Error(`${dataDir}: no embedded database here (DATA_DIR)`);
  const db = await openDb({ dataDir });
  try {
    const tar = Buffer.from(await (await db.dumpDataDir!()).arrayBuffer());
    const gz = gzipSync(tar);
    writeFileSync(file, gz, { mode: 0o600 }); // holds every code's ciphertext and every member's data
    return { bytes: gz.length };
  } finally {
    await db.close();
  }
}

/** Restores into an empty (or missing) data folder only: it never overwrites a database. */
export async function restoreEmbedded(file: string, dataDir: string): Promise<void> {
  if (existsSync(dataDir) && readdirSync(dataDir).length > 0)
    throw new Error(`${dataDir} is not empty: restore into an empty folder, then point DATA_DIR at it`);
  mkdirSync(dataDir, { recursive: true });
  const tar = gunzipSync(readFileSync(file));
  const db = await openDb({ dataDir, loadDataDir: new Blob([tar]) });
  await db.close();
}
