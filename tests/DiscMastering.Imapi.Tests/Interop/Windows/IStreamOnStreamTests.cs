using DiscMastering.Imapi.Interop.Windows;
using DiscMastering.Imapi.Iso9660;
using DiscMastering.Imapi.Sources;

namespace DiscMastering.Imapi.Tests.Interop.Windows;

/// <summary>
/// <see cref="IStreamOnStream"/> called through its native IStream vtable: an image read in odd chunks gives the image
/// file's exact bytes, Seek and Stat answer as IStream does, and every failure comes back as an HRESULT.
/// </summary>
public sealed unsafe class IStreamOnStreamTests : IDisposable
{
    private static readonly MasteringOptions s_options = new() { VolumeLabel = "ISTREAM", SourceDateEpoch = DateTimeOffset.FromUnixTimeSeconds(1_600_000_000) };

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(2047)]
    [InlineData(2049)]
    [InlineData(65537)]
    public void ImageStream_ReadThroughCom_GivesTheImageFilesBytes(int chunk)
    {
        var (sources, expected) = SmallImage();
        using var image = ImageMaster.MasterToStream(sources, s_options);
        using var served = new IStreamOnStream(image, leaveOpen: true);
        var stream = ComRoundTrip.Through<IStream>(served);
        try
        {
            var actual = new MemoryStream();
            var buffer = new byte[chunk];
            while (true)
            {
                uint read;
                int hr;
                fixed (byte* data = buffer)
                {
                    hr = stream.Read(data, (uint)chunk, &read);
                }

                actual.Write(buffer, 0, (int)read);
                if (read < chunk)
                {
                    Assert.Equal(ComHResults.S_FALSE, hr);
                    break;
                }

                Assert.Equal(ComHResults.S_OK, hr);
            }

            Assert.Equal(expected, actual.ToArray());
        }
        finally
        {
            ComRoundTrip.Release(stream);
        }
    }

    [Fact]
    public void Seek_EachOrigin_MovesAndReportsThePosition()
    {
        var bytes = Enumerable.Range(0, 5000).Select(i => (byte)i).ToArray();
        using var served = new IStreamOnStream(new MemoryStream(bytes, writable: false));
        var stream = ComRoundTrip.Through<IStream>(served);
        try
        {
            ulong position;
            Assert.Equal(ComHResults.S_OK, stream.Seek(4096, IStream.STREAM_SEEK_SET, &position));
            Assert.Equal(4096UL, position);
            Assert.Equal(ComHResults.S_OK, stream.Seek(-96, IStream.STREAM_SEEK_CUR, &position));
            Assert.Equal(4000UL, position);
            Assert.Equal(ComHResults.S_OK, stream.Seek(-8, IStream.STREAM_SEEK_END, null));
            byte one;
            uint read;
            Assert.Equal(ComHResults.S_OK, stream.Read(&one, 1, &read));
            Assert.Equal(bytes[^8], one);

            Assert.Equal(ComHResults.STG_E_INVALIDFUNCTION, stream.Seek(-1, IStream.STREAM_SEEK_SET, &position));
            Assert.Equal(ComHResults.STG_E_INVALIDFUNCTION, stream.Seek(0, 7, &position));
        }
        finally
        {
            ComRoundTrip.Release(stream);
        }
    }

    [Fact]
    public void Stat_GivesTheLengthAsSize_AndNoNameForAPlainStream()
    {
        var (sources, expected) = SmallImage();
        using var image = ImageMaster.MasterToStream(sources, s_options);
        using var served = new IStreamOnStream(image, leaveOpen: true);
        var stream = ComRoundTrip.Through<IStream>(served);
        try
        {
            STATSTG stat;
            Assert.Equal(ComHResults.S_OK, stream.Stat(&stat, 0));
            Assert.Equal((ulong)expected.Length, stat.cbSize);
            Assert.Equal(STATSTG.STGTY_STREAM, stat.type);
            Assert.Equal(STATSTG.STGM_READ, stat.grfMode);
            Assert.Equal(0, stat.pwcsName);
        }
        finally
        {
            ComRoundTrip.Release(stream);
        }
    }

    [Fact]
    public void Failures_BecomeHResults_NeverExceptions()
    {
        using var served = new IStreamOnStream(new FailingStream());
        var stream = ComRoundTrip.Through<IStream>(served);
        try
        {
            var buffer = new byte[16];
            uint count;
            fixed (byte* data = buffer)
            {
                Assert.Equal(ComHResults.STG_E_READFAULT, stream.Read(data, 16, &count));
                Assert.Equal(0u, count);
                Assert.Equal(ComHResults.STG_E_ACCESSDENIED, stream.Write(data, 16, &count));
                Assert.Equal(ComHResults.STG_E_INVALIDPOINTER, stream.Read(null, 16, &count));
            }

            ulong position;
            Assert.Equal(ComHResults.STG_E_ACCESSDENIED, stream.Seek(0, IStream.STREAM_SEEK_END, &position));
            Assert.Equal(ComHResults.STG_E_ACCESSDENIED, stream.SetSize(10));
            Assert.Equal(ComHResults.STG_E_INVALIDFUNCTION, stream.LockRegion(0, 1, 0));
            Assert.Equal(ComHResults.STG_E_INVALIDFUNCTION, stream.UnlockRegion(0, 1, 0));
            Assert.Equal(ComHResults.S_OK, stream.Commit(0));
            Assert.Equal(ComHResults.S_OK, stream.Revert());
            nint clone;
            Assert.Equal(ComHResults.E_NOTIMPL, stream.Clone(&clone));
            Assert.Equal(0, clone);
            Assert.Equal(ComHResults.STG_E_INVALIDPOINTER, stream.Stat(null, 0));
        }
        finally
        {
            ComRoundTrip.Release(stream);
        }
    }

    [Fact]
    public void AfterDispose_CallsAnswerReverted()
    {
        var served = new IStreamOnStream(new MemoryStream(new byte[10]));
        var stream = ComRoundTrip.Through<IStream>(served);
        try
        {
            served.Dispose();
            served.Dispose();
            byte one;
            uint read;
            Assert.Equal(ComHResults.STG_E_REVERTED, stream.Read(&one, 1, &read));
        }
        finally
        {
            ComRoundTrip.Release(stream);
        }
    }

    [Fact]
    public void SetSizeWriteAndCopyTo_OnAWritableStream()
    {
        var target = new MemoryStream();
        using var servedSource = new IStreamOnStream(new MemoryStream("hello, disc"u8.ToArray()));
        using var servedTarget = new IStreamOnStream(target, leaveOpen: true);
        var source = ComRoundTrip.Through<IStream>(servedSource);
        var targetPointer = ComRoundTrip.Pointer<IStream>(servedTarget);
        try
        {
            ulong read, written;
            Assert.Equal(ComHResults.S_OK, source.CopyTo(targetPointer, 5, &read, &written));
            Assert.Equal(5UL, read);
            Assert.Equal(5UL, written);
            Assert.Equal("hello"u8.ToArray(), target.ToArray());

            var writable = ComRoundTrip.Through<IStream>(servedTarget);
            try
            {
                Assert.Equal(ComHResults.S_OK, writable.SetSize(2));
                Assert.Equal(2, target.Length);
            }
            finally
            {
                ComRoundTrip.Release(writable);
            }
        }
        finally
        {
            System.Runtime.InteropServices.Marshal.Release(targetPointer);
            ComRoundTrip.Release(source);
        }
    }

    private (IReadOnlyList<DiscSource> Sources, byte[] Image) SmallImage()
    {
        _temp.WriteFile("tree/readme.txt", "a small tree for the IStream tests");
        _temp.WriteFile("tree/data/odd.bin", Enumerable.Range(0, 7001).Select(i => (byte)(i * 31)).ToArray());
        _temp.WriteFile("tree/data/empty.txt", []);
        IReadOnlyList<DiscSource> sources = [new DiscSource("", _temp.Combine("tree"))];
        var path = _temp.Combine("small.iso");
        ImageMaster.MasterToFile(sources, path, s_options);
        return (sources, File.ReadAllBytes(path));
    }

    /// <summary>A read-only, unseekable-in-practice stream whose every operation fails.</summary>
    private sealed class FailingStream : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => true;

        public override bool CanWrite => false;

        public override long Length => throw new UnauthorizedAccessException("no length");

        public override long Position { get => 0; set => throw new IOException("no seeking"); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new IOException("the disk went away");

        public override long Seek(long offset, SeekOrigin origin) => throw new IOException("no seeking");

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
