using System.Diagnostics;
using System.Globalization;
using Microsoft.Win32.SafeHandles;

namespace DiscMastering.Imapi.Iso9660;

/// <summary>
/// An image being written: a temporary file beside the target, renamed over it only when complete, so an
/// existing image survives a failed run and no partial image is ever left under the target's name. The
/// temporary name carries the writer's process id; a later run removes those whose process is gone
/// (a writer killed hard cannot clean up after itself).
/// </summary>
internal sealed class ImageFile : IDisposable
{
    private const string TemporarySuffix = ".discmaster.tmp";

    private readonly string _target;
    private bool _committed;

    private ImageFile(string target, string temporary, SafeFileHandle handle)
    {
        _target = target;
        TemporaryPath = temporary;
        Handle = handle;
    }

    public string TemporaryPath { get; }

    public SafeFileHandle Handle { get; }

    /// <summary>The temporary files a writer of <paramref name="target"/> makes: <c>.name.pid.discmaster.tmp</c>.</summary>
    public static string TemporaryPattern(string target) => "." + Path.GetFileName(target) + ".*" + TemporarySuffix;

    public static ImageFile Create(string target)
    {
        var directory = Path.GetDirectoryName(target)!;
        try
        {
            Directory.CreateDirectory(directory);
            RemoveAbandoned(target);
            var temporary = Path.Combine(directory, $".{Path.GetFileName(target)}.{Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}{TemporarySuffix}");
            // CreateNew, not Create: the runtime truncates a Create'd file to zero, and ext4 then flushes
            // every delayed block when it is closed (auto_da_alloc), which costs as much as a third of a run.
            // A leftover under this process id can only be from an earlier process that had the same id.
            File.Delete(temporary);
            var handle = File.OpenHandle(temporary, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None);
            return new ImageFile(target, temporary, handle);
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            throw new DiscMasteringException(
                DiscMasteringError.OutputNotWritable,
                $"'{Path.GetFileName(target)}' cannot be written to '{directory}' ({e.Message}); choose a folder you can write to with -o.",
                e);
        }
    }

    /// <summary>Closes the temporary file and renames it to the target, replacing any older image.</summary>
    public void Commit()
    {
        Handle.Dispose();
        try
        {
            File.Move(TemporaryPath, _target, overwrite: true);
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            throw new DiscMasteringException(
                DiscMasteringError.OutputNotWritable,
                $"the finished file could not replace '{_target}' ({e.Message}); close whatever holds it open, or choose another path with -o.",
                e);
        }

        _committed = true;
    }

    public void Dispose()
    {
        Handle.Dispose();
        if (!_committed)
        {
            File.Delete(TemporaryPath);
        }
    }

    private static void RemoveAbandoned(string target)
    {
        foreach (var path in Directory.EnumerateFiles(Path.GetDirectoryName(target)!, TemporaryPattern(target)))
        {
            var name = Path.GetFileName(path);
            var pidText = name[(Path.GetFileName(target).Length + 2)..^TemporarySuffix.Length];
            if (int.TryParse(pidText, NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && !IsRunning(pid))
            {
                File.Delete(path);
            }
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
