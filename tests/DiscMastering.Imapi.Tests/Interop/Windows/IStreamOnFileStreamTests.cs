using System.Runtime.InteropServices;
using DiscMastering.Imapi.Interop.Windows;

namespace DiscMastering.Imapi.Tests.Interop.Windows;

/// <summary><see cref="IStreamOnFileStream"/> through its native vtable: Stat names the file and gives its times; Clone reads on independently.</summary>
public sealed unsafe class IStreamOnFileStreamTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Stat_GivesNameSizeAndTimes()
    {
        var path = _temp.WriteFile("autorun.inf", "[autorun]\r\nopen=setup.exe\r\n");
        var written = new DateTime(2021, 3, 4, 5, 6, 7, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(path, written);
        using var served = new IStreamOnFileStream(new FileStream(path, FileMode.Open, FileAccess.Read));
        var stream = ComRoundTrip.Through<IStream>(served);
        try
        {
            STATSTG stat;
            Assert.Equal(ComHResults.S_OK, stream.Stat(&stat, 0));
            try
            {
                Assert.Equal("autorun.inf", Marshal.PtrToStringUni(stat.pwcsName));
                Assert.Equal((ulong)new FileInfo(path).Length, stat.cbSize);
                Assert.Equal(written, stat.mtime.ToDateTime());
                Assert.Equal(STATSTG.STGTY_STREAM, stat.type);
            }
            finally
            {
                Marshal.FreeCoTaskMem(stat.pwcsName);
            }

            Assert.Equal(ComHResults.S_OK, stream.Stat(&stat, STATSTG.STATFLAG_NONAME));
            Assert.Equal(0, stat.pwcsName);
        }
        finally
        {
            ComRoundTrip.Release(stream);
        }
    }

    [Fact]
    public void Clone_StartsAtTheSamePosition_AndReadsIndependently()
    {
        var path = _temp.WriteFile("data.bin", Enumerable.Range(0, 100).Select(i => (byte)i).ToArray());
        using var served = new IStreamOnFileStream(new FileStream(path, FileMode.Open, FileAccess.Read));
        var stream = ComRoundTrip.Through<IStream>(served);
        try
        {
            Assert.Equal(ComHResults.S_OK, stream.Seek(40, IStream.STREAM_SEEK_SET, null));
            nint clonePointer;
            Assert.Equal(ComHResults.S_OK, stream.Clone(&clonePointer));
            var clone = ComRoundTrip.Wrap<IStream>(clonePointer);
            try
            {
                byte fromClone, fromOriginal;
                uint read;
                Assert.Equal(ComHResults.S_OK, clone.Read(&fromClone, 1, &read));
                Assert.Equal(ComHResults.S_OK, clone.Read(&fromClone, 1, &read));
                Assert.Equal(ComHResults.S_OK, stream.Read(&fromOriginal, 1, &read));
                Assert.Equal(41, fromClone);
                Assert.Equal(40, fromOriginal);
            }
            finally
            {
                ComRoundTrip.Release(clone);
            }
        }
        finally
        {
            ComRoundTrip.Release(stream);
        }
    }
}
