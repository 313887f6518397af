using System.Runtime.InteropServices.Marshalling;

namespace DiscMastering.Imapi.Interop.Windows;

/// <summary>
/// A <see cref="FileStream"/> as a COM IStream: as <see cref="IStreamOnStream"/>, and Stat also gives the file's name
/// and its creation, write and access times; Clone opens the file again for reading at the same position.
/// </summary>
[GeneratedComClass]
internal sealed partial class IStreamOnFileStream : IStreamOnStream
{
    /// <summary>Serves <paramref name="stream"/> to COM; <paramref name="leaveOpen"/> keeps it open when this is disposed.</summary>
    public IStreamOnFileStream(FileStream stream, bool leaveOpen = false)
        : base(stream, leaveOpen)
    {
        FileStream = stream;
    }

    /// <summary>The file served.</summary>
    public FileStream FileStream { get; }

    /// <inheritdoc/>
    protected override string? Name => Path.GetFileName(FileStream.Name);

    /// <inheritdoc/>
    protected override void FillStat(ref STATSTG stat)
    {
        var info = new FileInfo(FileStream.Name);
        stat.ctime = FILETIME.From(info.CreationTimeUtc);
        stat.mtime = FILETIME.From(info.LastWriteTimeUtc);
        stat.atime = FILETIME.From(info.LastAccessTimeUtc);
    }

    /// <inheritdoc/>
    protected override IStreamOnStream? CreateClone()
    {
        var stream = new FileStream(FileStream.Name, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        try
        {
            stream.Position = FileStream.Position;
            return new IStreamOnFileStream(stream);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }
}
