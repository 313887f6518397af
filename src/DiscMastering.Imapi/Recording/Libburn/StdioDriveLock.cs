using System.Security.Cryptography;
using System.Text;

namespace DiscMastering.Imapi.Recording.Libburn;

/// <summary>
/// Keeps two processes from writing one <c>stdio:</c> pseudo-drive at once: libburn locks real drives (O_EXCL and
/// fcntl) but not regular files. The lock is a file in the temporary folder named after the pseudo-drive's full
/// path, held with .NET's exclusive share mode (flock on Unix), so it also works before the drive's file exists and
/// goes away by itself when the holder dies.
/// </summary>
internal sealed class StdioDriveLock : IDisposable
{
    private readonly FileStream _lock;

    private StdioDriveLock(FileStream lockFile)
    {
        _lock = lockFile;
    }

    /// <summary>Takes the lock of the pseudo-drive at <paramref name="path"/>, or fails at once with <see cref="DiscMasteringError.RecorderBusy"/>.</summary>
    public static StdioDriveLock Acquire(string address, string path)
    {
        var fullPath = Path.GetFullPath(path);
        var name = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(fullPath)).AsSpan(0, 12));
        var lockPath = Path.Combine(Path.GetTempPath(), $"discmaster-stdio-{name}.lock");
        try
        {
            return new StdioDriveLock(new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, bufferSize: 0));
        }
        catch (IOException)
        {
            throw new DiscMasteringException(
                DiscMasteringError.RecorderBusy,
                $"{address} is in use by another discmaster process; wait for it to finish (or stop it) and try again.");
        }
        catch (UnauthorizedAccessException e)
        {
            throw new DiscMasteringException(
                DiscMasteringError.RecorderBusy,
                $"{address} cannot be locked for exclusive use: {lockPath} is not writable ({e.Message}); delete that file or let this user write it.");
        }
    }

    public void Dispose() => _lock.Dispose();
}
