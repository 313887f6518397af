using DiscMastering.Imapi.Interop.Windows;
using DiscMastering.Imapi.Iso9660;
using DiscMastering.Imapi.Recording;
using DiscMastering.Imapi.Recording.Imapi;
using DiscMastering.Imapi.Sources;
using DiscMastering.Imapi.Tests.Interop.Windows.NativeFake;

namespace DiscMastering.Imapi.Tests.Interop.Windows;

/// <summary>
/// The Windows IMAPI backend against the native IMAPI fake: write options reaching IMAPI2 (session left open, speed,
/// appending after earlier sessions), and failures around the session and the classes it creates. Every test ends with
/// no reference left on any fake object and the session closed (<see cref="NativeFakeScope"/>).
/// </summary>
[Collection(NativeFakeCollection.Name)]
[Trait("Category", "ImapiNativeFake")]
public sealed class ImapiOverNativeFakeOptionsTests : IDisposable
{
    private const string FakePath = @"\\?\fake#cdrom#0";
    private const int E_FAIL = unchecked((int)0x80004005); // winerror.h

    private static readonly MasteringOptions s_options = new() { VolumeLabel = "OPTIONS", SourceDateEpoch = DateTimeOffset.FromUnixTimeSeconds(1_600_000_000) };

    private readonly NativeFakeScope _fake = new();
    private readonly TempDirectory _temp = new();
    private readonly DiscSource[] _sources;

    public ImapiOverNativeFakeOptionsTests()
    {
        _temp.WriteFile("content/a.txt", "alpha");
        _temp.WriteFile("content/b/c.txt", "charlie");
        _sources = [new DiscSource("", _temp.Combine("content"))];
    }

    public void Dispose()
    {
        _temp.Dispose();
        _fake.Dispose();
    }

    [Fact]
    public void Record_Appendable_LeavesTheSessionOpen_AndSetsTheSpeed()
    {
        using var master = Open();
        using var image = ImageMaster.MasterToStream(_sources, s_options);
        var recorder = master.Recorders[0];

        var result = recorder.Record(image, new RecordOptions { Appendable = true, Speed = 4 });

        var media = recorder.GetMediaDetails();
        Assert.Equal(MediaFlags.Writable | MediaFlags.Appendable, media.Flags);
        Assert.Equal(1, media.Sessions);
        Assert.True(media.NextWritable > result.Blocks);
        Assert.Contains("IDiscFormat2Data::SetWriteSpeed", NativeFakeLibrary.Calls());
    }

    [Fact]
    public void Record_OnAnAppendableDisc_StartsAtItsNextWritableAddress_AndAddsASession()
    {
        NativeFakeLibrary.SetMedia(3);
        using var master = Open();
        using var image = ImageMaster.MasterToStream(_sources, s_options);
        var recorder = master.Recorders[0];

        var result = recorder.Record(image, new RecordOptions { Appendable = true });

        Assert.Equal(41_950, result.StartBlock);
        Assert.Equal(image.Length, NativeFakeLibrary.WrittenLength());
        var media = recorder.GetMediaDetails();
        Assert.Equal((3, 41_950L), (media.Sessions, media.StartAddress));
    }

    [Fact]
    public void Record_ClosedDisc_IsMediaNotWritable_BeforeImapi2IsAsked()
    {
        NativeFakeLibrary.SetMedia(2);
        using var master = Open();
        using var image = ImageMaster.MasterToStream(_sources, s_options);

        var exception = Assert.Throws<DiscMasteringException>(() => master.Recorders[0].Record(image));

        Assert.Equal(DiscMasteringError.MediaNotWritable, exception.Error);
        Assert.DoesNotContain(NativeFakeLibrary.Calls(), c => c.StartsWith("IDiscMaster2::", StringComparison.Ordinal));
    }

    [Fact]
    public void Record_WithoutImapi2_IsImapiUnavailable_AndTheV1RecorderIsLetGo()
    {
        using var master = new DiscMaster(ImapiBackend.Open(new NativeFakeActivator(ImapiClassIds.MsftDiscMaster2)));
        using var image = ImageMaster.MasterToStream(_sources, s_options);

        var exception = Assert.Throws<DiscMasteringException>(() => master.Recorders[0].Record(image));

        Assert.Equal(DiscMasteringError.ImapiUnavailable, exception.Error);
        Assert.Equal(0, NativeFakeLibrary.WrittenLength());
        Assert.Equal("IDiscRecorder::Close", NativeFakeLibrary.Calls()[^1]);
    }

    [Fact]
    public void Open_ProgressAdviseFailing_StillClosesTheSession()
    {
        NativeFakeLibrary.Fail("IDiscMaster::ProgressAdvise", E_FAIL);

        var exception = Assert.Throws<DiscMasteringException>(() => Open());

        Assert.Equal(DiscMasteringError.ImapiFailed, exception.Error);
        Assert.Equal(["IDiscMaster::Open", "IDiscMaster::ProgressAdvise", "IDiscMaster::Close"], NativeFakeLibrary.Calls());
    }

    [Fact]
    public void Recorders_EnumerationFailing_IsMapped_AndTheEnumeratorIsReleased()
    {
        using var master = Open();
        NativeFakeLibrary.Fail("IEnumDiscRecorders::Next", E_FAIL);

        var exception = Assert.Throws<DiscMasteringException>(() => master.Recorders);

        Assert.Equal(DiscMasteringError.ImapiFailed, exception.Error);
        Assert.Contains("0x80004005", exception.Message, StringComparison.Ordinal);
        Assert.Equal(1, NativeFakeLibrary.ReleasedObjects());
    }

    [Fact]
    public void RecordFolder_MissingFolder_IsSourceNotFound_BeforeImapiStagesAnything()
    {
        using var backend = ImapiBackend.Open(new NativeFakeActivator());
        using var device = (ImapiDevice)backend.Open(FakePath);

        var exception = Assert.Throws<DiscMasteringException>(() =>
            device.RecordFolder(_temp.Combine("missing"), new RecordOptions(), new ListProgress(), CancellationToken.None));

        Assert.Equal(DiscMasteringError.SourceNotFound, exception.Error);
        Assert.DoesNotContain("IDiscMaster::SetActiveDiscMasterFormat", NativeFakeLibrary.Calls());
    }

    private static DiscMaster Open() => new(ImapiBackend.Open(new NativeFakeActivator()));
}
