using System.ComponentModel;
using System.Runtime.InteropServices;

namespace DiscMastering.Tool.Tests.TestSupport;

/// <summary>
/// Holds every open(2) of one file until the test lets it through, with a fanotify permission event
/// (fanotify(7), FAN_OPEN_PERM): the kernel blocks the opener, whatever it is, until it gets an answer. A test
/// can change a file at the exact moment the tool opens it, however fast the tool is. Needs root
/// (CAP_SYS_ADMIN), as the tests that drop to an unprivileged user do.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed partial class OpenGate : IDisposable
{
    // linux/fanotify.h
    private const uint FanCloexec = 0x1;
    private const uint FanNonblock = 0x2;
    private const uint FanClassContent = 0x4;
    private const uint FanMarkAdd = 0x1;
    private const ulong FanOpenPerm = 0x10000;
    private const uint FanAllow = 0x1;
    private const int AtFdcwd = -100;
    private const int EventMetadataLength = 24; // struct fanotify_event_metadata: u32 len, u8 vers, u8, u16 metadata_len, u64 mask, s32 fd, s32 pid
    private const short PollIn = 0x1;

    private readonly int _group;

    private OpenGate(int group) => _group = group;

    /// <summary>Starts holding opens of <paramref name="path"/>; open any handle the test itself needs before this.</summary>
    public static OpenGate Watch(string path)
    {
        var group = FanotifyInit(FanClassContent | FanCloexec | FanNonblock, 0 /* O_RDONLY */);
        if (group < 0)
        {
            throw new Win32Exception(Marshal.GetLastPInvokeError(), "fanotify_init failed; the test needs root (CAP_SYS_ADMIN)");
        }

        if (FanotifyMark(group, FanMarkAdd, FanOpenPerm, AtFdcwd, path) != 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            Close(group);
            throw new Win32Exception(errno, $"fanotify_mark of {path} failed");
        }

        return new OpenGate(group);
    }

    /// <summary>Waits until some process opens the file and returns that process's id; the open stays held until <see cref="Allow"/>.</summary>
    public HeldOpen WaitForOpen(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        var buffer = new byte[EventMetadataLength * 16];
        while (DateTime.UtcNow < deadline)
        {
            var poll = new PollFd { Fd = _group, Events = PollIn };
            if (Poll(ref poll, 1, 100) <= 0)
            {
                continue;
            }

            var read = Read(_group, buffer, buffer.Length);
            if (read < EventMetadataLength)
            {
                continue;
            }

            // One open is one event; the file is opened once at a time here, so the first is the one.
            var mask = BitConverter.ToUInt64(buffer, 8);
            var fd = BitConverter.ToInt32(buffer, 16);
            var pid = BitConverter.ToInt32(buffer, 20);
            Assert.True((mask & FanOpenPerm) != 0, $"unexpected fanotify event mask 0x{mask:x}");
            return new HeldOpen(this, fd, pid);
        }

        throw new TimeoutException($"nobody opened the watched file within {timeout}");
    }

    /// <summary>Lets every later open through unheld; closing the group also releases one still held.</summary>
    public void Dispose() => Close(_group);

    private void Answer(int fd)
    {
        var response = new FanotifyResponse { Fd = fd, Response = FanAllow };
        Assert.Equal(8, Write(_group, ref response, 8));
        Close(fd);
    }

    /// <summary>An open the kernel is holding until this is disposed.</summary>
    public sealed class HeldOpen(OpenGate gate, int fd, int pid) : IDisposable
    {
        public int ProcessId { get; } = pid;

        public void Dispose() => gate.Answer(fd);
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct FanotifyResponse
    {
        public int Fd;
        public uint Response;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct PollFd
    {
        public int Fd;
        public short Events;
        public short Revents;
    }

    [LibraryImport("libc", EntryPoint = "fanotify_init", SetLastError = true)]
    private static partial int FanotifyInit(uint flags, uint eventFlags);

    [LibraryImport("libc", EntryPoint = "fanotify_mark", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int FanotifyMark(int group, uint flags, ulong mask, int directory, string path);

    [LibraryImport("libc", EntryPoint = "poll", SetLastError = true)]
    private static partial int Poll(ref PollFd fds, nuint count, int timeoutMilliseconds);

    [LibraryImport("libc", EntryPoint = "read", SetLastError = true)]
    private static partial nint Read(int fd, [Out] byte[] buffer, nint count);

    [LibraryImport("libc", EntryPoint = "write", SetLastError = true)]
    private static partial nint Write(int fd, ref FanotifyResponse response, nint count);

    [LibraryImport("libc", EntryPoint = "close")]
    private static partial int Close(int fd);
}
