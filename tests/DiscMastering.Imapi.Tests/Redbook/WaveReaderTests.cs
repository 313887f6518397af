using DiscMastering.Imapi.Redbook;

namespace DiscMastering.Imapi.Tests.Redbook;

public sealed class WaveReaderTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void SoxPcmFile()
    {
        var path = WaveBuilder.Sox(_temp.Combine("a.wav"), "1");

        using var wave = WaveReader.Open(path);

        Assert.Equal(44_100L * 4, wave.DataLength);
        Assert.Equal(new FileInfo(path).Length - wave.DataLength, wave.DataOffset);
        Assert.Null(wave.Title);
    }

    [Fact]
    public void ExtensibleWithThePcmSubformat()
    {
        var samples = WaveBuilder.Samples(100);
        var path = _temp.WriteFile("x.wav", WaveBuilder.Riff("RIFF", WaveBuilder.Chunk("fmt ", WaveBuilder.ExtensibleFormat(WaveBuilder.PcmSubFormat)), WaveBuilder.Chunk("data", samples)));

        using var wave = WaveReader.Open(path);

        Assert.Equal(samples.Length, wave.DataLength);
        Assert.Equal(12 + 8 + 40 + 8, wave.DataOffset);
    }

    [Fact]
    public void ExtensibleFloatIsUnsupportedAndSaysSo()
    {
        var path = _temp.WriteFile("f.wav", WaveBuilder.Riff("RIFF", WaveBuilder.Chunk("fmt ", WaveBuilder.ExtensibleFormat(WaveBuilder.FloatSubFormat)), WaveBuilder.Chunk("data", WaveBuilder.Samples(4))));

        var e = Assert.Throws<DiscMasteringException>(() => WaveReader.Open(path));

        Assert.Equal(DiscMasteringError.UnsupportedAudioFormat, e.Error);
        Assert.Contains("{00000003-0000-0010-8000-00aa00389b71}", e.Message);
        Assert.Contains(path, e.Message);
    }

    [Fact]
    public void InfoTitleAndArtistOddChunksAndFactAreReadOrSkipped()
    {
        var samples = WaveBuilder.Samples(33);
        var path = _temp.WriteFile("tags.wav", WaveBuilder.Riff(
            "RIFF",
            WaveBuilder.Chunk("junk", [1, 2, 3]),
            WaveBuilder.Chunk("fmt ", WaveBuilder.Format()),
            WaveBuilder.Chunk("fact", [0, 0, 0, 0]),
            WaveBuilder.Chunk("LIST", WaveBuilder.Info("Überschrift \"1\"", "Die Band")),
            WaveBuilder.Chunk("odd!", [9, 9, 9, 9, 9]),
            WaveBuilder.Chunk("data", samples)));

        using var wave = WaveReader.Open(path);

        Assert.Equal("Überschrift \"1\"", wave.Title);
        Assert.Equal("Die Band", wave.Artist);
        Assert.Equal(samples.Length, wave.DataLength);
        Assert.Equal(samples, File.ReadAllBytes(path).AsSpan((int)wave.DataOffset, samples.Length).ToArray());
    }

    [Fact]
    public void InfoAfterTheSamplesIsRead()
    {
        var samples = WaveBuilder.Samples(3);
        var path = _temp.WriteFile("late.wav", WaveBuilder.Riff("RIFF", WaveBuilder.Chunk("fmt ", WaveBuilder.Format()), WaveBuilder.Chunk("data", samples), WaveBuilder.Chunk("LIST", WaveBuilder.Info("Late", "Artist"))));

        using var wave = WaveReader.Open(path);

        Assert.Equal("Late", wave.Title);
        Assert.Equal(12, wave.DataLength);
    }

    [Fact]
    public void Rf64TakesTheDataSizeFromDs64()
    {
        var samples = WaveBuilder.Samples(50);
        var path = _temp.WriteFile("big.wav", WaveBuilder.Riff(
            "RF64",
            WaveBuilder.Chunk("ds64", WaveBuilder.Ds64(samples.Length)),
            WaveBuilder.Chunk("fmt ", WaveBuilder.Format()),
            WaveBuilder.Chunk("data", samples, uint.MaxValue),
            WaveBuilder.Chunk("LIST", WaveBuilder.Info("After", "RF64"))));

        using var wave = WaveReader.Open(path);

        Assert.Equal(samples.Length, wave.DataLength);
        Assert.Equal("After", wave.Title);
    }

    [Fact]
    public void UnknownDataSizeFromAStreamingWriterRunsToTheEnd()
    {
        var samples = WaveBuilder.Samples(77);
        var path = _temp.WriteFile("stream.wav", WaveBuilder.Riff("RIFF", WaveBuilder.Chunk("fmt ", WaveBuilder.Format()), WaveBuilder.Chunk("data", samples, uint.MaxValue)));

        using var wave = WaveReader.Open(path);

        Assert.Equal(samples.Length, wave.DataLength);
    }

    [Fact]
    public void DataRunningPastTheEndIsTruncatedAudio()
    {
        var whole = WaveBuilder.Pcm(WaveBuilder.Samples(1000));
        var path = _temp.WriteFile("cut.wav", whole[..(whole.Length - 100)]);

        var e = Assert.Throws<DiscMasteringException>(() => WaveReader.Open(path));

        Assert.Equal(DiscMasteringError.TruncatedAudio, e.Error);
        Assert.Contains("4,000 bytes", e.Message);
        Assert.Contains(path, e.Message);
    }

    [Theory]
    [InlineData("not riff")]
    [InlineData("cut header")]
    [InlineData("cut fmt")]
    [InlineData("no data")]
    [InlineData("data first")]
    [InlineData("chunk past end")]
    public void NotAWaveFile(string kind)
    {
        var good = WaveBuilder.Pcm(WaveBuilder.Samples(10));
        byte[] bytes = kind switch
        {
            "not riff" => "ID3 this is an mp3, honestly"u8.ToArray(),
            "cut header" => good[..10],
            "cut fmt" => good[..30],
            "no data" => WaveBuilder.Riff("RIFF", WaveBuilder.Chunk("fmt ", WaveBuilder.Format())),
            "data first" => WaveBuilder.Riff("RIFF", WaveBuilder.Chunk("data", WaveBuilder.Samples(2)), WaveBuilder.Chunk("fmt ", WaveBuilder.Format())),
            _ => WaveBuilder.Riff("RIFF", WaveBuilder.Chunk("LIST", [], 0x7FFF_FFF0), WaveBuilder.Chunk("fmt ", WaveBuilder.Format())),
        };
        var path = _temp.WriteFile("bad.wav", bytes);

        var e = Assert.Throws<DiscMasteringException>(() => WaveReader.Open(path));

        Assert.Equal(DiscMasteringError.NotAWaveFile, e.Error);
        Assert.Contains(path, e.Message);
    }

    [Fact]
    public void ManyTinyChunksAreBounded()
    {
        var chunks = Enumerable.Range(0, 5000).Select(_ => WaveBuilder.Chunk("pad ", [])).Prepend(WaveBuilder.Chunk("fmt ", WaveBuilder.Format())).Append(WaveBuilder.Chunk("data", WaveBuilder.Samples(1))).ToArray();
        var path = _temp.WriteFile("many.wav", WaveBuilder.Riff("RIFF", chunks));

        Assert.Equal(DiscMasteringError.NotAWaveFile, Assert.Throws<DiscMasteringException>(() => WaveReader.Open(path)).Error);
    }

    [Theory]
    [InlineData(22_050, 8, 1, "22,050 Hz, 8-bit, mono")]
    [InlineData(48_000, 16, 2, "48,000 Hz, 16-bit, stereo")]
    [InlineData(44_100, 24, 2, "44,100 Hz, 24-bit, stereo")]
    [InlineData(44_100, 16, 6, "44,100 Hz, 16-bit, 6 channels")]
    public void OtherRatesDepthsAndChannelsSayWhatTheyAre(int rate, int bits, int channels, string what)
    {
        var path = _temp.WriteFile("other.wav", WaveBuilder.Riff("RIFF", WaveBuilder.Chunk("fmt ", WaveBuilder.Format(1, (ushort)channels, (uint)rate, (ushort)bits)), WaveBuilder.Chunk("data", new byte[channels * bits / 8 * 10])));

        var e = Assert.Throws<DiscMasteringException>(() => WaveReader.Open(path));

        Assert.Equal(DiscMasteringError.UnsupportedAudioFormat, e.Error);
        Assert.Contains(what, e.Message);
    }

    [Fact]
    public void FloatTagIsNamed()
    {
        var path = _temp.WriteFile("float.wav", WaveBuilder.Riff("RIFF", WaveBuilder.Chunk("fmt ", WaveBuilder.Format(3, 2, 44_100, 32)), WaveBuilder.Chunk("data", new byte[80])));

        var e = Assert.Throws<DiscMasteringException>(() => WaveReader.Open(path));

        Assert.Equal(DiscMasteringError.UnsupportedAudioFormat, e.Error);
        Assert.Contains("0x0003 (IEEE float)", e.Message);
    }

    [Fact]
    public void MissingFileAndFolder()
    {
        Assert.Equal(DiscMasteringError.AudioFileNotFound, Assert.Throws<DiscMasteringException>(() => WaveReader.Open(_temp.Combine("missing.wav"))).Error);
        Assert.Equal(DiscMasteringError.AudioFileNotFound, Assert.Throws<DiscMasteringException>(() => WaveReader.Open(_temp.Path)).Error);
    }
}
