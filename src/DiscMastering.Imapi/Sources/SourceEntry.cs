namespace DiscMastering.Imapi.Sources;

/// <summary>What a source path is, after following symbolic links.</summary>
internal enum SourceEntryKind
{
    Missing,
    File,
    Directory,

    /// <summary>A FIFO, socket or device: reading one could block forever or never end.</summary>
    Special,

    /// <summary>A chain of symbolic links that never ends (ELOOP).</summary>
    LinkLoop,

    Unreadable,
}

/// <summary>
/// One stat of a source path: kind, size, modification time, and an identity to spot folder loops: device and inode
/// on Unix; on Windows the final target's full path in upper case (paths there are case-insensitive), compared
/// whole so that no two folders can share an identity.
/// </summary>
internal readonly record struct SourceEntry(SourceEntryKind Kind, long Length, DateTimeOffset Modified, (long Device, long Inode, string? Path) Identity)
{
    public static SourceEntry Probe(string path) => OperatingSystem.IsWindows() ? ProbeWindows(path) : ProbeUnix(path);

    private static SourceEntry ProbeUnix(string path)
    {
        if (Interop.Linux.FileStatusInterop.Stat(path, out var status) != 0)
        {
            var kind = System.Runtime.InteropServices.Marshal.GetLastPInvokeError() switch
            {
                Interop.Linux.Errno.ELOOP => SourceEntryKind.LinkLoop,
                Interop.Linux.Errno.EACCES => SourceEntryKind.Unreadable,
                _ => SourceEntryKind.Missing,
            };
            return new SourceEntry(kind, 0, default, default);
        }

        var modified = DateTimeOffset.FromUnixTimeSeconds(status.MTime);
        var type = status.Mode & Interop.Linux.FileStatusInterop.FileTypeMask;
        var entryKind = type switch
        {
            Interop.Linux.FileStatusInterop.FileTypeRegular => SourceEntryKind.File,
            Interop.Linux.FileStatusInterop.FileTypeDirectory => SourceEntryKind.Directory,
            _ => SourceEntryKind.Special,
        };
        return new SourceEntry(entryKind, status.Size, modified, (status.Dev, status.Ino, null));
    }

    private static SourceEntry ProbeWindows(string path)
    {
        FileSystemInfo info = Directory.Exists(path) ? new DirectoryInfo(path) : new FileInfo(path);
        if (!info.Exists)
        {
            return new SourceEntry(SourceEntryKind.Missing, 0, default, default);
        }

        try
        {
            var target = info.LinkTarget is null ? info : info.ResolveLinkTarget(returnFinalTarget: true) ?? info;
            (long, long, string?) identity = (0L, 0L, Path.GetFullPath(target.FullName).ToUpperInvariant());
            var modified = new DateTimeOffset(target.LastWriteTimeUtc, TimeSpan.Zero);
            return target is DirectoryInfo
                ? new SourceEntry(SourceEntryKind.Directory, 0, modified, identity)
                : new SourceEntry(SourceEntryKind.File, ((FileInfo)target).Length, modified, identity);
        }
        catch (IOException)
        {
            return new SourceEntry(SourceEntryKind.LinkLoop, 0, default, default);
        }
    }
}
