using System.Runtime.InteropServices;
using System.Text;

namespace DiscMastering.Imapi.Tests.Interop.Windows.NativeFake;

/// <summary>
/// The control API of the native IMAPI fake (<c>imapi_fake.h</c>), <c>libimapi_fake.so</c>, which the test
/// project's build compiles into the test output folder next to this assembly. The runtime's default probing
/// looks in the assembly's folder first, trying the "lib" prefix and ".so" suffix, so no resolver is needed.
/// </summary>
internal static unsafe partial class NativeFakeLibrary
{
    private const string Library = "imapi_fake";

    [LibraryImport(Library, EntryPoint = "fake_create_instance")]
    internal static partial int CreateInstance(in Guid clsid, in Guid iid, out nint instance);

    [LibraryImport(Library, EntryPoint = "fake_reset")]
    internal static partial void Reset();

    [LibraryImport(Library, EntryPoint = "fake_live_objects")]
    internal static partial int LiveObjects();

    [LibraryImport(Library, EntryPoint = "fake_outstanding_references")]
    internal static partial int OutstandingReferences();

    [LibraryImport(Library, EntryPoint = "fake_released_objects")]
    internal static partial int ReleasedObjects();

    [LibraryImport(Library, EntryPoint = "fake_fail", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial void Fail(string method, int hresult);

    [LibraryImport(Library, EntryPoint = "fake_call_log")]
    private static partial int CallLog(byte* buffer, int size);

    [LibraryImport(Library, EntryPoint = "fake_master_is_open")]
    internal static partial int MasterIsOpen();

    [LibraryImport(Library, EntryPoint = "fake_set_media")]
    internal static partial void SetMedia(int kind);

    [LibraryImport(Library, EntryPoint = "fake_lock_recorder", StringMarshalling = StringMarshalling.Utf16)]
    internal static partial void LockRecorder(string? owner);

    [LibraryImport(Library, EntryPoint = "fake_written_length")]
    internal static partial long WrittenLength();

    [LibraryImport(Library, EntryPoint = "fake_read_written")]
    private static partial int ReadWritten(byte* buffer, long offset, int count);

    [LibraryImport(Library, EntryPoint = "fake_staged_files")]
    private static partial int StagedFiles(byte* buffer, int size);

    [LibraryImport(Library, EntryPoint = "fake_audio_tracks")]
    internal static partial int AudioTracks();

    [LibraryImport(Library, EntryPoint = "fake_progress_calls", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int ProgressCalls(string method);

    [LibraryImport(Library, EntryPoint = "fake_burn_count")]
    internal static partial int BurnCount();

    [LibraryImport(Library, EntryPoint = "fake_erase_count")]
    internal static partial int EraseCount(int full);

    [LibraryImport(Library, EntryPoint = "fake_recorder_is_open")]
    internal static partial int RecorderIsOpen();

    /// <summary>The calls the fake received, one <c>Interface::Method</c> a line.</summary>
    internal static string[] Calls() => ReadText(&CallLog).Split('\n', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The files Joliet staging read: <c>path\tsize\tchecksum</c> a line.</summary>
    internal static string[] Staged() => ReadText(&StagedFiles).Split('\n', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Every byte <c>IDiscFormat2Data::Write</c> received.</summary>
    internal static byte[] Written()
    {
        var bytes = new byte[checked((int)WrittenLength())];
        fixed (byte* buffer = bytes)
        {
            var copied = ReadWritten(buffer, 0, bytes.Length);
            Assert.Equal(bytes.Length, copied);
        }
        return bytes;
    }

    private static string ReadText(delegate*<byte*, int, int> read)
    {
        var needed = read(null, 0);
        var buffer = new byte[needed + 1];
        fixed (byte* text = buffer)
        {
            read(text, buffer.Length);
        }
        return Encoding.UTF8.GetString(buffer, 0, needed);
    }
}
