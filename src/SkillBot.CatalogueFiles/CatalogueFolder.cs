using System.Runtime.InteropServices;
using System.Text;
using SkillBot.Core.Catalogue;

namespace SkillBot.CatalogueFiles;

/// <summary>
/// Reads a catalogue folder's files from disk and loads them with <see cref="CatalogueLoader"/>. Whatever the
/// folder holds, this never throws and never blocks: a file that cannot be read (a dangling link, no
/// permission, an I/O error), is not a regular file (a FIFO, socket or device, which would block a reader
/// forever), or is too large becomes a problem (<c>FILE: message</c>), refused like a YAML error.
/// Links to folders are followed, each folder once, so a link loop cannot make the walk endless.
/// A file that disappears between listing and reading (a <c>git pull</c> or <c>rsync --delete</c> at
/// work) makes the whole folder be read once more; if files still disappear, that is a problem too.
/// </summary>
public static class CatalogueFolder
{
    /// <summary>
    /// Loads the catalogue files of a folder: levels.yaml, roles.yaml and skills/**/*.yaml|yml. Never throws:
    /// a file that cannot be read, is not a regular file or is too large is a problem like any other.
    /// </summary>
    /// <param name="cores">How many cores parsing may use: all by default (at startup nothing else runs); a reload
    /// while serving takes one, so that answers go on beside it.</param>
    public static CatalogueLoadResult Load(string folder, int cores = -1) => Load(folder, beforeRead: null, cores);

    internal static CatalogueLoadResult Load(string folder, Action<string>? beforeRead, int cores = -1)
    {
        if (!Directory.Exists(folder))
        {
            return new CatalogueLoadResult(null, [new CatalogueProblem(folder, 0, 0, "catalogue folder not found")]);
        }
        var (files, problems) = Read(folder, beforeRead);
        return CatalogueLoader.LoadReadFiles(files, problems, cores);
    }

    /// <param name="beforeRead">Called with each file's full path just before it is read (tests: to change the folder at the worst moment).</param>
    public static (List<CatalogueFileBytes> Files, List<CatalogueProblem> Problems) Read(string folder, Action<string>? beforeRead = null)
    {
        folder = Path.GetFullPath(folder);
        var reading = new Reading(folder, beforeRead, lastAttempt: false);
        reading.Run();
        if (reading.Vanished)
        {
            reading = new Reading(folder, beforeRead, lastAttempt: true);
            reading.Run();
        }
        return (reading.Files, reading.Problems);
    }

    /// <summary>
    /// Hands each file of the folder to <paramref name="each"/> as it is read, with the guards of <see cref="Read"/>,
    /// keeping none: a copy of a large catalogue (a snapshot) without all its text in memory at once. Files come in the
    /// order of the walk, not the path order a version is computed in. One attempt: a file that disappears is a problem.
    /// Each file's bytes are read into one reused buffer: they are valid until <paramref name="each"/> returns.
    /// </summary>
    /// <returns>What went wrong; the files handed over are then not the whole folder.</returns>
    public static List<CatalogueProblem> ReadEach(string folder, Action<CatalogueFileBytes> each)
    {
        var reading = new Reading(Path.GetFullPath(folder), null, lastAttempt: true, each);
        reading.Run();
        return reading.Problems;
    }

    private sealed class Reading(string folder, Action<string>? beforeRead, bool lastAttempt, Action<CatalogueFileBytes>? each = null)
    {
        public List<CatalogueFileBytes> Files { get; } = [];
        public List<CatalogueProblem> Problems { get; } = [];

        /// <summary>Something listed was gone when read: the listing is stale, so the folder is read again.</summary>
        public bool Vanished { get; private set; }

        private readonly HashSet<string> _folders = new(StringComparer.Ordinal);
        private readonly FileBytes _bytes = new(keep: each is null);
        private long _total;
        private bool _full;

        public void Run()
        {
            foreach (var name in new[] { CatalogueLoader.LevelsFile, CatalogueLoader.RolesFile })
            {
                var path = Path.Combine(folder, name);
                if (File.Exists(path) || Directory.Exists(path) || IsLink(path))
                {
                    ReadFile(path, name);
                }
            }
            var skills = Path.Combine(folder, CatalogueLoader.SkillsFolder);
            if (Directory.Exists(skills))
            {
                Walk(skills, CatalogueLoader.SkillsFolder);
            }
            else if (File.Exists(skills) || IsLink(skills))
            {
                Problem(CatalogueLoader.SkillsFolder, "must be a folder of skill files");
            }
        }

        /// <summary>Every skill file below the folder, depth first in name order, with a stack of its own (no recursion, however deep).</summary>
        private void Walk(string path, string relative)
        {
            var pending = new Stack<(string Path, string Relative)>();
            pending.Push((path, relative));
            while (pending.TryPop(out var folderToRead))
            {
                if (List(folderToRead.Path, folderToRead.Relative) is not { } entries)
                {
                    continue;
                }
                var subfolders = new List<(string, string)>();
                foreach (var entry in entries)
                {
                    var entryRelative = $"{folderToRead.Relative}/{entry.Name}";
                    if (entry is DirectoryInfo)
                    {
                        subfolders.Add((entry.FullName, entryRelative));
                    }
                    else if (CatalogueLoader.IsSkillFile(entry.Name))
                    {
                        ReadFile(entry.FullName, entryRelative);
                    }
                }
                for (var i = subfolders.Count - 1; i >= 0; i--)
                {
                    pending.Push(subfolders[i]);
                }
            }
        }

        /// <summary>A folder's entries in name order, or null (reported) when it cannot be listed or was listed already.</summary>
        private List<FileSystemInfo>? List(string path, string relative)
        {
            try
            {
                if (!_folders.Add(RealPath(path)))
                {
                    Problem(relative, "leads to a folder that is read already (a link loop, or two links to one folder): remove the link");
                    return null;
                }
                return [.. new DirectoryInfo(path).EnumerateFileSystemInfos().OrderBy(e => e.Name, StringComparer.Ordinal)];
            }
            catch (DirectoryNotFoundException)
            {
                Vanish(relative);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.SecurityException)
            {
                Problem(relative, CannotRead(e, path, relative));
            }
            return null;
        }

        private void ReadFile(string path, string relative)
        {
            if (_full)
            {
                return; // over the total limit already (reported once): reading on would only spend memory
            }
            try
            {
                beforeRead?.Invoke(path);
                switch (FileTypes.Of(path))
                {
                    case FileType.Directory:
                        Problem(relative, "is a folder, not a file");
                        return;
                    case FileType.Other:
                        Problem(relative, "not a regular file (a pipe, socket or device): SkillBot reads only regular files");
                        return;
                    case FileType.Unknown when Directory.Exists(path):
                        Problem(relative, "is a folder, not a file");
                        return;
                    case FileType.Unknown when LengthWithoutOpening(path) == 0:
                        // Without a file type to go by, a file of length 0 is never opened: FIFOs and devices
                        // have length 0 and opening one can block. An empty file reads as empty text anyway.
                        Keep(relative, ReadOnlyMemory<byte>.Empty);
                        return;
                }
                using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 1, FileOptions.SequentialScan);
                if (stream.Length > CatalogueLoader.MaxFileBytes)
                {
                    Problem(relative, CatalogueLoader.TooLargeProblem(stream.Length));
                    return;
                }
                if (_bytes.ReadBounded(stream) is not { } bytes)
                {
                    Problem(relative, CatalogueLoader.TooLargeProblem(null));
                    return;
                }
                _total += bytes.Length;
                if (_total > CatalogueLoader.MaxTotalBytes)
                {
                    Problem(relative, CatalogueLoader.TooMuchInAllProblem());
                    _full = true;
                    return;
                }
                Keep(relative, WithoutByteOrderMark(bytes));
            }
            catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
            {
                if (LinkTarget(path) is { } target)
                {
                    Problem(relative, $"a link to {target}, which does not exist");
                }
                else
                {
                    Vanish(relative);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.SecurityException)
            {
                Problem(relative, CannotRead(e, path, relative));
            }
        }

        /// <summary>
        /// The text as UTF-8, as File.ReadAllText reads it: UTF-8 unless a byte order mark says otherwise. UTF-16 and
        /// UTF-32 (rare) are decoded and encoded as UTF-8, which decodes back to the same text.
        /// </summary>
        private static ReadOnlyMemory<byte> WithoutByteOrderMark(ReadOnlyMemory<byte> bytes)
        {
            ReadOnlySpan<byte> utf8Mark = [0xEF, 0xBB, 0xBF];
            var span = bytes.Span;
            if (span.StartsWith(utf8Mark))
            {
                return bytes[utf8Mark.Length..];
            }
            if (span is [0xFE, 0xFF, ..] or [0xFF, 0xFE, ..] or [0x00, 0x00, 0xFE, 0xFF, ..])
            {
                // UTF-16 or UTF-32, which the reader tells apart.
                using var reader = new StreamReader(new MemoryStream(bytes.ToArray()), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
                return Encoding.UTF8.GetBytes(reader.ReadToEnd());
            }
            return bytes;
        }

        private void Keep(string relative, ReadOnlyMemory<byte> utf8)
        {
            var file = new CatalogueFileBytes(relative, utf8);
            if (each is null)
            {
                Files.Add(file);
            }
            else
            {
                each(file);
            }
        }

        private void Vanish(string relative)
        {
            Vanished = true;
            if (lastAttempt)
            {
                Problem(relative, "was removed while the catalogue was being read (is the folder being updated?); it is read again on the next change");
            }
        }

        private void Problem(string relative, string message) => Problems.Add(new CatalogueProblem(relative, 0, 0, message));

        /// <summary>The runtime's message, with the file's full path (which says more than needed) cut to its catalogue path.</summary>
        private static string CannotRead(Exception e, string path, string relative)
        {
            var message = e.Message.Replace(path, relative, StringComparison.Ordinal);
            return e is UnauthorizedAccessException ? $"cannot be read: permission denied ({message})" : $"cannot be read: {message}";
        }
    }

    /// <summary>
    /// Where files are read to. Kept files go into large arrays one after another: a 20,000-file catalogue is then some
    /// 40 arrays on the large object heap, which the collections during its load leave in place, instead of 20,000 arrays
    /// copied from generation to generation. Files handed on at once (not kept) reuse one buffer.
    /// </summary>
    private sealed class FileBytes(bool keep)
    {
        private const int FirstChunk = 128 * 1024, LargestChunk = 4 * 1024 * 1024;
        private byte[] _chunk = [];
        private int _used;
        private int _nextChunk = FirstChunk;

        /// <summary>
        /// The file's bytes, or null when there are more than a catalogue file may have (it grew since it was measured).
        /// Read straight into room for the measured length (plus one byte, to see growth). Not kept: valid until the next read.
        /// </summary>
        public ReadOnlyMemory<byte>? ReadBounded(FileStream stream)
        {
            var room = (int)Math.Min(stream.Length, CatalogueLoader.MaxFileBytes) + 1;
            if (!keep)
            {
                _used = 0;
            }
            if (_chunk.Length - _used < room)
            {
                var size = keep ? Math.Max(room, _nextChunk) : Math.Max(room, 64 * 1024);
                _nextChunk = Math.Min(_nextChunk * 2, LargestChunk);
                // Filled before it is read: no need to clear it first.
                _chunk = GC.AllocateUninitializedArray<byte>(size);
                _used = 0;
            }
            var length = ReadInto(stream, _chunk.AsSpan(_used, room));
            if (length < room)
            {
                var bytes = _chunk.AsMemory(_used, length);
                _used += length;
                return bytes;
            }
            if (length > CatalogueLoader.MaxFileBytes)
            {
                return null;
            }
            // It grew since it was measured: read on into an array of its own.
            var grown = new byte[Math.Min(room * 2, CatalogueLoader.MaxFileBytes + 1)];
            _chunk.AsSpan(_used, room).CopyTo(grown);
            int read;
            while ((read = stream.Read(grown, length, grown.Length - length)) > 0)
            {
                length += read;
                if (length == grown.Length)
                {
                    if (length > CatalogueLoader.MaxFileBytes)
                    {
                        return null;
                    }
                    Array.Resize(ref grown, Math.Min(grown.Length * 2, CatalogueLoader.MaxFileBytes + 1));
                }
            }
            return grown.AsMemory(0, length);
        }

        /// <summary>Reads until the stream ends or the room is full; how many bytes were read.</summary>
        private static int ReadInto(FileStream stream, Span<byte> room)
        {
            var length = 0;
            int read;
            while (length < room.Length && (read = stream.Read(room[length..])) > 0)
            {
                length += read;
            }
            return length;
        }
    }

    private static bool IsLink(string path) => LinkTarget(path) is not null;

    private static string? LinkTarget(string path)
    {
        try
        {
            return new FileInfo(path).LinkTarget;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>The length of the file a path leads to (through links), read from the directory entry, never by opening it.</summary>
    private static long LengthWithoutOpening(string path)
    {
        var info = new FileInfo(path);
        return (info.LinkTarget is null ? info : info.ResolveLinkTarget(returnFinalTarget: true) as FileInfo ?? info).Length;
    }

    /// <summary>
    /// The path with every link in it resolved (as realpath(3) does), so that a folder has one name however
    /// it is reached. Throws IOException on a chain of links that never ends.
    /// </summary>
    internal static string RealPath(string path)
    {
        var full = Path.GetFullPath(path);
        var current = Path.GetPathRoot(full)!;
        var pending = new Stack<string>();
        Push(pending, full[current.Length..]);
        var links = 0;
        while (pending.TryPop(out var part))
        {
            if (part is "" or ".")
            {
                continue;
            }
            if (part == "..")
            {
                current = Path.GetDirectoryName(current) ?? current;
                continue;
            }
            var next = Path.Join(current, part);
            if (new FileInfo(next).LinkTarget is not { } target)
            {
                current = next;
                continue;
            }
            if (++links > 40)
            {
                throw new IOException($"too many levels of links in {path}");
            }
            if (Path.IsPathRooted(target))
            {
                current = Path.GetPathRoot(target)!;
                Push(pending, target[current.Length..]);
            }
            else
            {
                Push(pending, target);
            }
        }
        return current;
    }

    private static void Push(Stack<string> pending, string relative)
    {
        var parts = relative.Split([Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar]);
        for (var i = parts.Length - 1; i >= 0; i--)
        {
            pending.Push(parts[i]);
        }
    }

    private enum FileType { Unknown, Regular, Directory, Other }

    /// <summary>
    /// What a path leads to (through links), from stat(2), without opening it. .NET has no public API for
    /// this (FileAttributes says Normal for a FIFO), so on Unix it asks the runtime's own native library,
    /// whose file status starts with its flags and a mode in portable S_IF* values; Unknown elsewhere or
    /// if that library cannot be reached (then a file of length 0 is not opened: see the caller).
    /// </summary>
    private static class FileTypes
    {
        private const int TypeMask = 0xF000, RegularType = 0x8000, DirectoryType = 0x4000;
        private static bool _unavailable = OperatingSystem.IsWindows();

        public static FileType Of(string path)
        {
            if (_unavailable)
            {
                return FileType.Unknown;
            }
            try
            {
                if (Stat(path, out var status) != 0)
                {
                    return FileType.Unknown; // missing, a link loop, no permission: opening it says which
                }
                return (status.Mode & TypeMask) switch
                {
                    RegularType => FileType.Regular,
                    DirectoryType => FileType.Directory,
                    _ => FileType.Other,
                };
            }
            catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
            {
                _unavailable = true;
                return FileType.Unknown;
            }
        }

        /// <summary>The start of System.Native's FileStatus (pal_io.h); the rest is room for its other fields.</summary>
        [StructLayout(LayoutKind.Sequential, Size = 256)]
        private struct FileStatus
        {
            public int Flags;
            public int Mode;
        }

        [DllImport("libSystem.Native", EntryPoint = "SystemNative_Stat", SetLastError = true)]
        private static extern int Stat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, out FileStatus status);
    }
}
