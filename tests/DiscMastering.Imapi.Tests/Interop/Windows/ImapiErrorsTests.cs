using DiscMastering.Imapi.Recording.Imapi;

namespace DiscMastering.Imapi.Tests.Interop.Windows;

/// <summary>The one HRESULT table: every documented IMAPI code maps to a DM code and a sentence naming the recorder.</summary>
public sealed class ImapiErrorsTests
{
    private const string Recorder = @"E: (\Device\CdRom0)";

    [Theory]
    [InlineData(0x80040154u, "REGDB_E_CLASSNOTREG", DiscMasteringError.ImapiUnavailable)]
    [InlineData(0x80040225u, "IMAPI_E_STASHINUSE", DiscMasteringError.ImapiStashInUse)]
    [InlineData(0xC0AA0210u, "E_IMAPI_RECORDER_LOCKED", DiscMasteringError.ImapiRecorderLocked)]
    [InlineData(0x8004020Fu, "IMAPI_E_MEDIUM_NOTPRESENT", DiscMasteringError.NoMedia)]
    [InlineData(0xC0AA0202u, "E_IMAPI_RECORDER_MEDIA_NO_MEDIA", DiscMasteringError.NoMedia)]
    [InlineData(0x80040210u, "IMAPI_E_MEDIUM_INVALIDTYPE", DiscMasteringError.MediaNotWritable)]
    [InlineData(0xC0AA0402u, "E_IMAPI_DF2DATA_INVALID_MEDIA_STATE", DiscMasteringError.MediaNotWritable)]
    [InlineData(0x80040212u, "IMAPI_E_DEVICE_NOTACCESSIBLE", DiscMasteringError.RecorderBusy)]
    [InlineData(0xC0AA0207u, "E_IMAPI_RECORDER_MEDIA_BUSY", DiscMasteringError.RecorderBusy)]
    [InlineData(0x80040213u, "IMAPI_E_DEVICE_NOTPRESENT", DiscMasteringError.RecorderNotFound)]
    [InlineData(0x8004020Eu, "IMAPI_E_GENERIC", DiscMasteringError.RecordingFailed)]
    [InlineData(0xC0AA0300u, "E_IMAPI_LOSS_OF_STREAMING", DiscMasteringError.RecordingFailed)]
    [InlineData(0x8004021Cu, "IMAPI_E_DISCFULL", DiscMasteringError.ExceedsCapacity)]
    [InlineData(0xC0AA0404u, "E_IMAPI_DF2DATA_STREAM_TOO_LARGE_FOR_CURRENT_MEDIA", DiscMasteringError.ExceedsCapacity)]
    [InlineData(0x80AA0904u, "E_IMAPI_ERASE_MEDIA_IS_NOT_ERASABLE", DiscMasteringError.MediaNotErasable)]
    [InlineData(0xC0AA0007u, "E_IMAPI_BURN_VERIFICATION_FAILED", DiscMasteringError.VerifyMismatch)]
    [InlineData(0x8004021Du, "IMAPI_E_BADJOLIETNAME", DiscMasteringError.JolietForbiddenCharacter)]
    [InlineData(0x8004020Du, "IMAPI_E_USERABORT", DiscMasteringError.Cancelled)]
    [InlineData(0xC0AA0002u, "E_IMAPI_REQUEST_CANCELLED", DiscMasteringError.Cancelled)]
    [InlineData(0x8004022Au, "IMAPI_E_NOTENOUGHDISKFORSTASH", DiscMasteringError.ImapiStashUnusable)]
    [InlineData(0x80040222u, "IMAPI_E_ALREADYOPEN", DiscMasteringError.ImapiFailed)]
    [InlineData(0xC0AA0408u, "E_IMAPI_DF2DATA_CLIENT_NAME_IS_NOT_VALID", DiscMasteringError.ImapiFailed)]
    public void MappedCode_GivesItsErrorNameAndValue(uint value, string name, DiscMasteringError error)
    {
        var hr = unchecked((int)value);

        var exception = ImapiErrors.ToException(hr, Recorder, "recording to E:");

        Assert.Equal(error, exception.Error);
        Assert.Equal(name, ImapiErrors.Table[hr].Name);
        Assert.Contains(Recorder, exception.Message, StringComparison.Ordinal);
        Assert.Contains($"{name}, 0x{value:X8}", exception.Message, StringComparison.Ordinal);
        Assert.StartsWith("recording to E:: ", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Table_CoversBothHeaders_EveryFailureHasACode_EverySuccessNone()
    {
        var table = ImapiErrors.Table;

        // imapierror.h: 2 successes and 36 failures; imapi2error.h: 6 successes and 84 failures; plus REGDB_E_CLASSNOTREG.
        Assert.Equal(129, table.Count);
        Assert.Equal(8, table.Values.Count(e => e.IsSuccess));
        foreach (var entry in table.Values)
        {
            Assert.Equal(entry.IsSuccess, entry.Error is null);
            Assert.Contains("{recorder}", entry.Sentence, StringComparison.Ordinal);
            Assert.Matches("^(IMAPI_[ES]_|E_IMAPI_|S_IMAPI_|REGDB_E_)", entry.Name);
        }

        Assert.Equal(table.Count, table.Values.Select(e => e.Name).Distinct().Count());
    }

    [Fact]
    public void RecorderLocked_NamesTheOwner()
    {
        var exception = Assert.Throws<DiscMasteringException>(() =>
            ImapiErrors.ThrowIfFailed(ImapiErrors.RecorderLocked, Recorder, "recording to E:", () => "Nero Burning ROM"));

        Assert.Equal(DiscMasteringError.ImapiRecorderLocked, exception.Error);
        Assert.Contains("locked for exclusive use by Nero Burning ROM", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RecorderLocked_WithoutAnOwner_SaysAnotherProgram()
    {
        var exception = ImapiErrors.ToException(ImapiErrors.RecorderLocked, Recorder, "recording to E:", owner: " ");

        Assert.Contains("by another program", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void StashInUse_SaysToCloseOtherProgramsAndRestartTheService()
    {
        var exception = ImapiErrors.ToException(ImapiErrors.StashInUse, Recorder, "opening IMAPI");

        Assert.Contains("close other burning programs", exception.Message, StringComparison.Ordinal);
        Assert.Contains("restart the IMAPI CD-Burning COM Service", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UndocumentedFailure_IsImapiFailedWithItsValue()
    {
        var exception = ImapiErrors.ToException(unchecked((int)0x80070015), Recorder, "reading the media in E:");

        Assert.Equal(DiscMasteringError.ImapiFailed, exception.Error);
        Assert.Contains("HRESULT 0x80070015", exception.Message, StringComparison.Ordinal);
        Assert.Equal("HRESULT 0x80070015", ImapiErrors.Describe(unchecked((int)0x80070015)));
        Assert.Equal("IMAPI_E_STASHINUSE (0x80040225)", ImapiErrors.Describe(ImapiErrors.StashInUse));
    }

    [Theory]
    [InlineData(0x00000000u)]
    [InlineData(0x00040200u)]
    [InlineData(0x00AA0004u)]
    public void SuccessCodes_DoNotThrow(uint value) =>
        ImapiErrors.ThrowIfFailed(unchecked((int)value), Recorder, "anything");
}
