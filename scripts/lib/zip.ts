import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';

/**
 * A plain zip (deflate, UTF-8 names, Unix modes) of a folder, and its reverse: enough for an App
 * Service run-from-package artifact without a zip tool on the build machine.
 */
export function zipFolder(dir: string, outFile: string): { files: number; bytes: number } {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  const files = listFiles(dir);
  if (files.length > 0xffff) throw new Error(`${files.length} files: more than a zip without ZIP64 holds`);
  for (const rel of files) {
    const full = path.join(dir, rel);
    const data = readFileSync(full);
    const packed = deflateRawSync(data, { level: 9 });
    const name = Buffer.from(rel.split(path.sep).join('/'), 'utf8');
    const crc = crc32(data);
    const mode = statSync(full).mode & 0o777;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed: deflate
    local.writeUInt16LE(0x0800, 6); // names are UTF-8
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt16LE(0, 10); // time
    local.writeUInt16LE(((2026 - 1980) << 9) | (1 << 5) | 1, 12); // a fixed date: the same input zips the same
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE((3 << 8) | 20, 4); // made by Unix, so the mode below is honoured
    local.copy(central, 6, 4, 30); // version needed … name length, as in the local header
    central.writeUInt16LE(0, 30); // extra
    central.writeUInt16LE(0, 32); // comment
    central.writeUInt16LE(0, 34); // disk
    central.writeUInt16LE(0, 36); // internal attributes
    central.writeUInt32LE(((0o100000 | mode) << 16) >>> 0, 38);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    centrals.push(central, name);
    offset += local.length + name.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  const zip = Buffer.concat([...locals, directory, end]);
  writeFileSync(outFile, zip);
  return { files: files.length, bytes: zip.length };
}

/** Unpacks a zip written by zipFolder (stored or deflated entries) into dir. */
export function unzipTo(zipFile: string, dir: string): number {
  const zip = readFileSync(zipFile);
  const endAt = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (endAt < 0) throw new Error(`${zipFile} is not a zip`);
  const count = zip.readUInt16LE(endAt + 10);
  let at = zip.readUInt32LE(endAt + 16);
  for (let i = 0; i < count; i++) {
    const method = zip.readUInt16LE(at + 10);
    const packedSize = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const skip = nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    const mode = (zip.readUInt32LE(at + 38) >>> 16) & 0o777;
    const localAt = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    const target = path.resolve(dir, name);
    if (!target.startsWith(path.resolve(dir) + path.sep)) throw new Error(`${name} would unpack outside ${dir}`);
    const dataAt = localAt + 30 + zip.readUInt16LE(localAt + 26) + zip.readUInt16LE(localAt + 28);
    const packed = zip.subarray(dataAt, dataAt + packedSize);
    mkdirSync(path.dirname(target), { recursive: true });
    if (!name.endsWith('/')) writeFileSync(target, method === 8 ? inflateRawSync(packed) : packed, { mode: mode || 0o644 });
    at += 46 + skip;
  }
  return count;
}

/** Every file under dir, relative to it, in a stable order. */
export function listFiles(dir: string, prefix = ''): string[] {
  return readdirSync(path.join(dir, prefix), { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .flatMap((entry) => {
      const rel = path.join(prefix, entry.name);
      return entry.isDirectory() ? listFiles(dir, rel) : entry.isFile() ? [rel] : [];
    });
}
