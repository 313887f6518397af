using Microsoft.Win32.SafeHandles;

namespace DiscMastering.Imapi.Reading;

/// <summary>Opens an image file for the readers (ISO 9660, UDF), with one set of messages for a path that is not a readable file.</summary>
internal static class ImageFileHandle
{
    /// <summary>Opens <paramref name="path"/> for positional reads; others may read or delete it meanwhile.</summary>
    public static SafeFileHandle OpenRead(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (Directory.Exists(path))
        {
            throw new DiscMasteringException(DiscMasteringError.ImageNotFound, $"'{path}' is a folder, not an image file; give the path of an .iso file.");
        }

        try
        {
            return File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new DiscMasteringException(
                DiscMasteringError.ImageNotFound,
                $"the image '{path}' does not exist; check the path (relative paths start at '{Environment.CurrentDirectory}').");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DiscMasteringException(DiscMasteringError.Unreadable, $"the image '{path}' cannot be read ({e.Message}); check its permissions.", e);
        }
    }
}
