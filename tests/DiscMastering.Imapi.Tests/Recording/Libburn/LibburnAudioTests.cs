using DiscMastering.Imapi.Recording;
using DiscMastering.Imapi.Recording.Libburn;

namespace DiscMastering.Imapi.Tests.Recording.Libburn;

/// <summary>
/// Audio through the real system libburn. Without an optical drive only a <c>stdio:</c> pseudo-drive is at hand,
/// and libburn refuses audio tracks there: the refusal must be a clear error that leaves the file and the drive as
/// they were.
/// </summary>
[Collection(LibburnCollection.Name)]
public sealed class LibburnAudioTests : IDisposable
{
    private readonly TempDirectory _temp = new("discmastering-libburn-audio-");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void RecordAudio_OnAStdioPseudoDrive_IsAudioNeedsCd_TouchesNoFile_AndADataRecordFollows()
    {
        var path = _temp.Combine("drive.bin");
        var address = "stdio:" + path;
        using var master = new DiscMaster(LibburnBackend.Open());
        var recorder = master.GetRecorder(address);
        var disc = new AudioDisc(
            [
                new AudioTrack(new MemoryStream(Samples(6, seed: 1)), 6, 150, "First", "Tester"),
                new AudioTrack(new MemoryStream(Samples(4, seed: 2)), 4, 75, "Second", "Tester"),
            ],
            "Patterns",
            "Tester");
        var written = 0;
        recorder.BlockProgress += (_, _) => written++;

        var e = Assert.Throws<DiscMasteringException>(() => recorder.RecordAudio(disc));

        Assert.Equal(DiscMasteringError.AudioNeedsCd, e.Error);
        Assert.Contains("audio track prohibited by non-CD", e.Message, StringComparison.Ordinal);
        Assert.Contains("takes data only", e.Message, StringComparison.Ordinal);
        Assert.Contains("-o disc.cue", e.Message, StringComparison.Ordinal);
        Assert.Contains(address, e.Message, StringComparison.Ordinal);
        Assert.Equal(0, written);
        Assert.True(!File.Exists(path) || new FileInfo(path).Length == 0);

        var image = Samples(20, seed: 3)[..(40 * 1024)];
        var result = recorder.Record(new MemoryStream(image));
        Assert.Equal(20, result.Blocks);
        Assert.Equal(image, File.ReadAllBytes(path)[..image.Length]);
    }

    [Fact]
    public void RecordAudio_Simulated_OnAStdioPseudoDrive_IsRefusedAlike()
    {
        var path = _temp.Combine("drive.bin");
        using var master = new DiscMaster(LibburnBackend.Open());
        var disc = new AudioDisc([new AudioTrack(new MemoryStream(Samples(2, seed: 4)), 2, 150, null, null)], null, null);

        var e = Assert.Throws<DiscMasteringException>(() => master.GetRecorder("stdio:" + path).RecordAudio(disc, new RecordOptions { Simulate = true }));

        Assert.Equal(DiscMasteringError.AudioNeedsCd, e.Error);
        Assert.False(File.Exists(path));
    }

    /// <summary>Sectors of a little-endian 16-bit stereo pattern: a ramp on the left channel, its negation on the right.</summary>
    private static byte[] Samples(int sectors, int seed)
    {
        var bytes = new byte[sectors * AudioDisc.SectorSize];
        for (var frame = 0; frame < bytes.Length / 4; frame++)
        {
            var left = (short)((frame * 37 + seed * 1000) % short.MaxValue);
            BitConverter.TryWriteBytes(bytes.AsSpan(frame * 4, 2), left);
            BitConverter.TryWriteBytes(bytes.AsSpan(frame * 4 + 2, 2), (short)-left);
        }

        return bytes;
    }
}
