namespace DiscMastering.Imapi.Interop.Windows;

/// <summary>One file (a stream) or folder (a storage) as <see cref="FolderStorage"/> lists it.</summary>
internal sealed record FolderElement(string Name, bool IsFolder, long Length, DateTime Created, DateTime Written, DateTime Accessed)
{
    public static FolderElement From(FileSystemInfo info) => new(
        info.Name,
        info is DirectoryInfo,
        info is FileInfo file ? file.Length : 0,
        info.CreationTimeUtc,
        info.LastWriteTimeUtc,
        info.LastAccessTimeUtc);

    public STATSTG ToStat(bool withName) => new()
    {
        pwcsName = withName ? System.Runtime.InteropServices.Marshal.StringToCoTaskMemUni(Name) : 0,
        type = IsFolder ? STATSTG.STGTY_STORAGE : STATSTG.STGTY_STREAM,
        cbSize = (ulong)Length,
        ctime = FILETIME.From(Created),
        mtime = FILETIME.From(Written),
        atime = FILETIME.From(Accessed),
        grfMode = STATSTG.STGM_READ | STATSTG.STGM_SHARE_EXCLUSIVE,
    };
}
