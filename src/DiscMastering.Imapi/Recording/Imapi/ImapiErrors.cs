using System.Globalization;

namespace DiscMastering.Imapi.Recording.Imapi;

/// <summary>
/// The one table of HRESULTs IMAPI documents, each with its name, the <see cref="DiscMasteringError"/> it becomes and a
/// plain sentence naming the recorder. Values: IMAPI v1 from imapierror.h (FACILITY_ITF, 0x8004020B onwards, and the
/// IMAPI_S_* successes), IMAPI2 from imapi2error.h (FACILITY_IMAPI2 = 0xAA), both in the Windows SDK; plus
/// REGDB_E_CLASSNOTREG (winerror.h), which is how a system without IMAPI answers.
/// </summary>
internal static class ImapiErrors
{
    /// <summary>REGDB_E_CLASSNOTREG (winerror.h).</summary>
    public const int ClassNotRegistered = unchecked((int)0x80040154);

    /// <summary>IMAPI_E_STASHINUSE (imapierror.h).</summary>
    public const int StashInUse = unchecked((int)0x80040225);

    /// <summary>IMAPI_E_USERABORT (imapierror.h).</summary>
    public const int UserAbort = unchecked((int)0x8004020D);

    /// <summary>E_IMAPI_REQUEST_CANCELLED (imapi2error.h).</summary>
    public const int RequestCancelled = unchecked((int)0xC0AA0002);

    /// <summary>E_IMAPI_RECORDER_LOCKED (imapi2error.h).</summary>
    public const int RecorderLocked = unchecked((int)0xC0AA0210);

    private static readonly Dictionary<int, ImapiErrorEntry> s_table = Build();

    /// <summary>Every documented HRESULT by value.</summary>
    public static IReadOnlyDictionary<int, ImapiErrorEntry> Table => s_table;

    /// <summary>The name and value of <paramref name="hr"/>, such as <c>IMAPI_E_STASHINUSE (0x80040225)</c>.</summary>
    public static string Describe(int hr) =>
        s_table.TryGetValue(hr, out var entry)
            ? $"{entry.Name} (0x{hr:X8})"
            : string.Create(CultureInfo.InvariantCulture, $"HRESULT 0x{hr:X8}");

    /// <summary>Throws the mapped exception when <paramref name="hr"/> is a failure; <paramref name="owner"/> is asked only for a locked recorder.</summary>
    public static void ThrowIfFailed(int hr, string recorder, string operation, Func<string?>? owner = null)
    {
        if (hr < 0)
        {
            throw ToException(hr, recorder, operation, hr == RecorderLocked ? owner?.Invoke() : null);
        }
    }

    /// <summary>
    /// The exception for failure <paramref name="hr"/> during <paramref name="operation"/> on <paramref name="recorder"/>:
    /// the table's sentence with its name and value, or, for an HRESULT IMAPI does not document, <see cref="DiscMasteringError.ImapiFailed"/>
    /// naming the value.
    /// </summary>
    public static DiscMasteringException ToException(int hr, string recorder, string operation, string? owner = null)
    {
        if (s_table.TryGetValue(hr, out var entry) && entry.Error is { } error)
        {
            var sentence = entry.Sentence
                .Replace("{recorder}", recorder, StringComparison.Ordinal)
                .Replace("{owner}", string.IsNullOrWhiteSpace(owner) ? "another program" : owner.Trim(), StringComparison.Ordinal);
            return new DiscMasteringException(error, $"{operation}: {sentence} ({entry.Name}, 0x{hr:X8})");
        }

        return new DiscMasteringException(
            DiscMasteringError.ImapiFailed,
            string.Create(CultureInfo.InvariantCulture, $"{operation}: IMAPI failed on {recorder} with HRESULT 0x{hr:X8}, which IMAPI does not document; try again, and if it fails again restart the computer."));
    }

    private static Dictionary<int, ImapiErrorEntry> Build()
    {
        var table = new Dictionary<int, ImapiErrorEntry>();
        void Add(uint hr, string name, DiscMasteringError? error, string sentence) => table.Add(unchecked((int)hr), new ImapiErrorEntry(unchecked((int)hr), name, error, sentence));

        // winerror.h: what CoCreateInstance answers where the IMAPI classes are not registered (Wine among them).
        Add(0x80040154, "REGDB_E_CLASSNOTREG", DiscMasteringError.ImapiUnavailable, "IMAPI is not available on this system (its COM classes are not registered), so {recorder} cannot be used; record on Windows with IMAPI, or master the image with 'dotnet discmaster image' and record it with another tool.");

        // imapierror.h (IMAPI v1), in header order.
        Add(0x00040200, "IMAPI_S_PROPERTIESIGNORED", null, "{recorder} ignored a property it does not know.");
        Add(0x00040201, "IMAPI_S_BUFFER_TO_SMALL", null, "the buffer given for {recorder} was too small for all of the answer.");
        Add(0x8004020B, "IMAPI_E_NOTOPENED", DiscMasteringError.ImapiFailed, "IMAPI was used for {recorder} before its disc master was opened; this is a fault in DiscMastering: report it with this code.");
        Add(0x8004020C, "IMAPI_E_NOTINITIALIZED", DiscMasteringError.ImapiFailed, "IMAPI has not initialised {recorder}; disconnect and reconnect the drive (or restart the computer) and try again.");
        Add(0x8004020D, "IMAPI_E_USERABORT", DiscMasteringError.Cancelled, "the operation on {recorder} was cancelled.");
        Add(0x8004020E, "IMAPI_E_GENERIC", DiscMasteringError.RecordingFailed, "{recorder} failed without saying why; check the disc and try again, with new media if it fails again.");
        Add(0x8004020F, "IMAPI_E_MEDIUM_NOTPRESENT", DiscMasteringError.NoMedia, "there is no disc in {recorder}; insert one and try again.");
        Add(0x80040210, "IMAPI_E_MEDIUM_INVALIDTYPE", DiscMasteringError.MediaNotWritable, "the disc in {recorder} is of a kind IMAPI cannot write; insert a blank CD-R or CD-RW.");
        Add(0x80040211, "IMAPI_E_DEVICE_NOPROPERTIES", DiscMasteringError.ImapiFailed, "{recorder} reports no properties; check that its driver is installed and working in Device Manager.");
        Add(0x80040212, "IMAPI_E_DEVICE_NOTACCESSIBLE", DiscMasteringError.RecorderBusy, "{recorder} cannot be opened: another program is using it; close other burning programs and try again.");
        Add(0x80040213, "IMAPI_E_DEVICE_NOTPRESENT", DiscMasteringError.RecorderNotFound, "{recorder} is no longer there; reconnect it, or run 'dotnet discmaster recorders' to list the recorders.");
        Add(0x80040214, "IMAPI_E_DEVICE_INVALIDTYPE", DiscMasteringError.RecorderUnsupported, "{recorder} is not a recorder IMAPI can write with; use another drive.");
        Add(0x80040215, "IMAPI_E_INITIALIZE_WRITE", DiscMasteringError.RecordingFailed, "{recorder} could not be prepared for writing; check the disc and try again.");
        Add(0x80040216, "IMAPI_E_INITIALIZE_ENDWRITE", DiscMasteringError.RecordingFailed, "{recorder} could not close the track or disc after writing; the disc may be unusable: record again on new media.");
        Add(0x80040217, "IMAPI_E_FILESYSTEM", DiscMasteringError.ImapiFailed, "IMAPI could not build the file system for {recorder}; check the files being recorded and try again.");
        Add(0x80040218, "IMAPI_E_FILEACCESS", DiscMasteringError.ImapiFailed, "IMAPI could not read a file being staged for {recorder}; check that every file can be read and is not locked by another program.");
        Add(0x80040219, "IMAPI_E_DISCINFO", DiscMasteringError.RecordingFailed, "{recorder} could not read the disc's information; clean the disc or insert another.");
        Add(0x8004021A, "IMAPI_E_TRACKNOTOPEN", DiscMasteringError.ImapiFailed, "an audio track was added for {recorder} without being created first; this is a fault in DiscMastering: report it with this code.");
        Add(0x8004021B, "IMAPI_E_TRACKOPEN", DiscMasteringError.ImapiFailed, "an audio track for {recorder} was still open when the disc was recorded; this is a fault in DiscMastering: report it with this code.");
        Add(0x8004021C, "IMAPI_E_DISCFULL", DiscMasteringError.ExceedsCapacity, "the disc in {recorder} has no room for the data; use larger or blank media, or leave files out.");
        Add(0x8004021D, "IMAPI_E_BADJOLIETNAME", DiscMasteringError.JolietForbiddenCharacter, "IMAPI refused a file name for {recorder} as not valid in Joliet; rename the file (at most 64 characters, none of * / : ; ? \\).");
        Add(0x8004021E, "IMAPI_E_INVALIDIMAGE", DiscMasteringError.ImapiFailed, "the image staged for {recorder} is not valid; stage the content again.");
        Add(0x8004021F, "IMAPI_E_NOACTIVEFORMAT", DiscMasteringError.ImapiFailed, "no data or audio format was chosen before recording to {recorder}; this is a fault in DiscMastering: report it with this code.");
        Add(0x80040220, "IMAPI_E_NOACTIVERECORDER", DiscMasteringError.ImapiFailed, "no recorder was chosen before recording to {recorder}; this is a fault in DiscMastering: report it with this code.");
        Add(0x80040221, "IMAPI_E_WRONGFORMAT", DiscMasteringError.ImapiFailed, "the call does not fit the format chosen for {recorder}; this is a fault in DiscMastering: report it with this code.");
        Add(0x80040222, "IMAPI_E_ALREADYOPEN", DiscMasteringError.ImapiFailed, "IMAPI's disc master is already open for {recorder} in this program; this is a fault in DiscMastering: report it with this code.");
        Add(0x80040223, "IMAPI_E_WRONGDISC", DiscMasteringError.MediaNotWritable, "the disc in {recorder} was changed during the operation; insert the disc again and start over.");
        Add(0x80040224, "IMAPI_E_FILEEXISTS", DiscMasteringError.ImapiFailed, "a file staged for {recorder} is already in the image; stage the content again without duplicates.");
        Add(0x80040225, "IMAPI_E_STASHINUSE", DiscMasteringError.ImapiStashInUse, "another program holds IMAPI's stash file, so {recorder} cannot be used now; close other burning programs (Explorer's CD writing too) and try again; if it persists, restart the IMAPI CD-Burning COM Service (or log off and on again).");
        Add(0x80040226, "IMAPI_E_DEVICE_STILL_IN_USE", DiscMasteringError.RecorderBusy, "{recorder} is still in use by another program; wait for it to finish or close it, then try again.");
        Add(0x80040227, "IMAPI_E_LOSS_OF_STREAMING", DiscMasteringError.RecordingFailed, "data did not reach {recorder} fast enough and the write failed (buffer underrun); record at a lower --speed with other programs closed, on new media.");
        Add(0x80040228, "IMAPI_E_COMPRESSEDSTASH", DiscMasteringError.ImapiStashUnusable, "IMAPI's stash file for {recorder} cannot be in a compressed folder; turn compression off for the CD burning folder in your profile (or the temporary folder) and try again.");
        Add(0x80040229, "IMAPI_E_ENCRYPTEDSTASH", DiscMasteringError.ImapiStashUnusable, "IMAPI's stash file for {recorder} cannot be in an encrypted folder; turn encryption off for the CD burning folder in your profile (or the temporary folder) and try again.");
        Add(0x8004022A, "IMAPI_E_NOTENOUGHDISKFORSTASH", DiscMasteringError.ImapiStashUnusable, "there is not enough disk space for IMAPI's stash file for {recorder}; free space on the drive that holds your profile and try again.");
        Add(0x8004022B, "IMAPI_E_REMOVABLESTASH", DiscMasteringError.ImapiStashUnusable, "IMAPI's stash file for {recorder} cannot be on removable media; move the CD burning folder (or the temporary folder) to a fixed disk and try again.");
        Add(0x8004022C, "IMAPI_E_CANNOT_WRITE_TO_MEDIA", DiscMasteringError.MediaNotWritable, "the disc in {recorder} cannot be written; insert blank media, or blank a rewritable disc first.");
        Add(0x8004022D, "IMAPI_E_TRACK_NOT_BIG_ENOUGH", DiscMasteringError.RecorderUnsupported, "a track for {recorder} is shorter than a CD allows (4 seconds); make the track longer.");
        Add(0x8004022E, "IMAPI_E_BOOTIMAGE_AND_NONBLANK_DISC", DiscMasteringError.MediaNotWritable, "a bootable disc can only be recorded on blank media, and the disc in {recorder} is not blank; insert blank media.");

        // imapi2error.h (IMAPI2), in header order.
        Add(0xC0AA0002, "E_IMAPI_REQUEST_CANCELLED", DiscMasteringError.Cancelled, "the operation on {recorder} was cancelled.");
        Add(0xC0AA0003, "E_IMAPI_RECORDER_REQUIRED", DiscMasteringError.ImapiFailed, "IMAPI2 was asked to work without a recorder for {recorder}; this is a fault in DiscMastering: report it with this code.");
        Add(0x00AA0004, "S_IMAPI_SPEEDADJUSTED", null, "{recorder} adjusted the requested write speed to one it supports.");
        Add(0x00AA0005, "S_IMAPI_ROTATIONADJUSTED", null, "{recorder} adjusted the requested rotation type to one it supports.");
        Add(0x00AA0006, "S_IMAPI_BOTHADJUSTED", null, "{recorder} adjusted the requested write speed and rotation type.");
        Add(0xC0AA0007, "E_IMAPI_BURN_VERIFICATION_FAILED", DiscMasteringError.VerifyMismatch, "what was written to {recorder} did not verify; the recording is not good: record again on new media.");
        Add(0x00AA0200, "S_IMAPI_COMMAND_HAS_SENSE_DATA", null, "{recorder} answered the command with sense data.");
        Add(0xC0AA0201, "E_IMAPI_RECORDER_NO_SUCH_MODE_PAGE", DiscMasteringError.RecorderUnsupported, "{recorder} does not have a mode page IMAPI2 needs; use another drive.");
        Add(0xC0AA0202, "E_IMAPI_RECORDER_MEDIA_NO_MEDIA", DiscMasteringError.NoMedia, "there is no disc in {recorder}; insert one and try again.");
        Add(0xC0AA0203, "E_IMAPI_RECORDER_MEDIA_INCOMPATIBLE", DiscMasteringError.MediaNotWritable, "the disc in {recorder} is not compatible with the drive; insert media the drive can write.");
        Add(0xC0AA0204, "E_IMAPI_RECORDER_MEDIA_UPSIDE_DOWN", DiscMasteringError.MediaNotWritable, "the disc in {recorder} is upside down; turn it over and try again.");
        Add(0xC0AA0205, "E_IMAPI_RECORDER_MEDIA_BECOMING_READY", DiscMasteringError.RecorderBusy, "{recorder} is still getting the disc ready; wait a few seconds and try again.");
        Add(0xC0AA0206, "E_IMAPI_RECORDER_MEDIA_FORMAT_IN_PROGRESS", DiscMasteringError.RecorderBusy, "the disc in {recorder} is being formatted; wait for the format to finish and try again.");
        Add(0xC0AA0207, "E_IMAPI_RECORDER_MEDIA_BUSY", DiscMasteringError.RecorderBusy, "{recorder} is busy with the disc; wait for it to finish and try again.");
        Add(0xC0AA0208, "E_IMAPI_RECORDER_INVALID_MODE_PARAMETERS", DiscMasteringError.RecorderUnsupported, "{recorder} refused the write parameters; try other media or another drive.");
        Add(0xC0AA0209, "E_IMAPI_RECORDER_MEDIA_WRITE_PROTECTED", DiscMasteringError.MediaNotWritable, "the disc in {recorder} is write-protected; remove the protection or insert other media.");
        Add(0xC0AA020A, "E_IMAPI_RECORDER_NO_SUCH_FEATURE", DiscMasteringError.RecorderUnsupported, "{recorder} does not have a feature the operation needs; use another drive.");
        Add(0xC0AA020B, "E_IMAPI_RECORDER_FEATURE_IS_NOT_CURRENT", DiscMasteringError.RecorderUnsupported, "{recorder} cannot use a feature the operation needs with this disc; try other media.");
        Add(0xC0AA020C, "E_IMAPI_RECORDER_GET_CONFIGURATION_NOT_SUPPORTED", DiscMasteringError.RecorderUnsupported, "{recorder} does not describe its features (GET CONFIGURATION); IMAPI2 cannot use this drive.");
        Add(0xC0AA020D, "E_IMAPI_RECORDER_COMMAND_TIMEOUT", DiscMasteringError.RecordingFailed, "{recorder} did not answer in time; check its connection and try again.");
        Add(0xC0AA020E, "E_IMAPI_RECORDER_DVD_STRUCTURE_NOT_PRESENT", DiscMasteringError.RecorderUnsupported, "the disc in {recorder} lacks a DVD structure the operation needs; try other media.");
        Add(0xC0AA020F, "E_IMAPI_RECORDER_MEDIA_SPEED_MISMATCH", DiscMasteringError.RecorderUnsupported, "the disc's speed does not suit {recorder}; use media rated for this drive.");
        Add(0xC0AA0210, "E_IMAPI_RECORDER_LOCKED", DiscMasteringError.ImapiRecorderLocked, "{recorder} is locked for exclusive use by {owner}; close that program or wait for it to finish, then try again.");
        Add(0xC0AA0211, "E_IMAPI_RECORDER_CLIENT_NAME_IS_NOT_VALID", DiscMasteringError.ImapiFailed, "IMAPI2 refused the client name given for {recorder}; this is a fault in DiscMastering: report it with this code.");
        Add(0xC0AA0212, "E_IMAPI_RECORDER_MEDIA_NOT_FORMATTED", DiscMasteringError.MediaNotWritable, "the disc in {recorder} is not formatted; format it (or blank it) first.");
        Add(0xC0AA02FF, "E_IMAPI_RECORDER_INVALID_RESPONSE_FROM_DEVICE", DiscMasteringError.RecordingFailed, "{recorder} gave an answer IMAPI2 does not understand; update its firmware or use another drive.");
        Add(0xC0AA0300, "E_IMAPI_LOSS_OF_STREAMING", DiscMasteringError.RecordingFailed, "data did not reach {recorder} fast enough and the write failed (buffer underrun); record at a lower --speed with other programs closed, on new media.");
        Add(0xC0AA0301, "E_IMAPI_UNEXPECTED_RESPONSE_FROM_DEVICE", DiscMasteringError.RecordingFailed, "{recorder} answered unexpectedly during the write; try again with new media, or another drive.");
        Add(0x00AA0302, "S_IMAPI_WRITE_NOT_IN_PROGRESS", null, "no write was running on {recorder}.");
        Add(0xC0AA0400, "E_IMAPI_DF2DATA_WRITE_IN_PROGRESS", DiscMasteringError.RecorderBusy, "a write to {recorder} is already running; wait for it to finish.");
        Add(0xC0AA0401, "E_IMAPI_DF2DATA_WRITE_NOT_IN_PROGRESS", DiscMasteringError.ImapiFailed, "no write to {recorder} was running to cancel; this is a fault in DiscMastering: report it with this code.");
        Add(0xC0AA0402, "E_IMAPI_DF2DATA_INVALID_MEDIA_STATE", DiscMasteringError.MediaNotWritable, "the disc in {recorder} is not in a state data can be written to (closed, damaged or needs blanking); insert blank media or blank a rewritable disc.");
        Add(0xC0AA0403, "E_IMAPI_DF2DATA_STREAM_NOT_SUPPORTED", DiscMasteringError.ImapiFailed, "IMAPI2 did not accept the image stream for {recorder} (its size must be a whole number of 2048-byte blocks); this is a fault in DiscMastering: report it with this code.");
        Add(0xC0AA0404, "E_IMAPI_DF2DATA_STREAM_TOO_LARGE_FOR_CURRENT_MEDIA", DiscMasteringError.ExceedsCapacity, "the image does not fit the free space on the disc in {recorder}; use larger or blank media, or leave files out.");
        Add(0xC0AA0405, "E_IMAPI_DF2DATA_MEDIA_NOT_BLANK", DiscMasteringError.MediaNotWritable, "the disc in {recorder} is not blank, and overwriting it was not allowed; insert blank media or blank the disc first.");
        Add(0xC0AA0406, "E_IMAPI_DF2DATA_MEDIA_IS_NOT_SUPPORTED", DiscMasteringError.MediaNotWritable, "IMAPI2 cannot write data to the disc in {recorder}; insert another kind of media.");
        Add(0xC0AA0407, "E_IMAPI_DF2DATA_RECORDER_NOT_SUPPORTED", DiscMasteringError.RecorderUnsupported, "IMAPI2 cannot write data with {recorder}; use another drive.");
        Add(0xC0AA0408, "E_IMAPI_DF2DATA_CLIENT_NAME_IS_NOT_VALID", DiscMasteringError.ImapiFailed, "IMAPI2 refused the client name given for {recorder}; this is a fault in DiscMastering: report it with this code.");
        Add(0xC0AA0500, "E_IMAPI_DF2TAO_WRITE_IN_PROGRESS", DiscMasteringError.RecorderBusy, "a track-at-once write to {recorder} is already running; wait for it to finish.");
        Add(0xC0AA0501, "E_IMAPI_DF2TAO_WRITE_NOT_IN_PROGRESS", DiscMasteringError.ImapiFailed, "no track-at-once write to {recorder} was running; this is a fault in DiscMastering: report it with this code.");
        Add(0xC0AA0502, "E_IMAPI_DF2TAO_MEDIA_IS_NOT_PREPARED", DiscMasteringError.ImapiFailed, "the disc in {recorder} was not prepared for track-at-once writing; this is a fault in DiscMastering: report it with this code.");
        Add(0xC0AA0503, "E_IMAPI_DF2TAO_MEDIA_IS_PREPARED", DiscMasteringError.ImapiFailed, "the disc in {recorder} is already prepared for track-at-once writing; this is a fault in DiscMastering: report it with this code.");
        Add(0xC0AA0504, "E_IMAPI_DF2TAO_PROPERTY_FOR_BLANK_MEDIA_ONLY", DiscMasteringError.MediaNotWritable, "that setting needs blank media, and the disc in {recorder} is not blank; insert blank media.");
        Add(0xC0AA0505, "E_IMAPI_DF2TAO_TABLE_OF_CONTENTS_EMPTY_DISC", DiscMasteringError.ImapiFailed, "the disc in {recorder} is blank, so it has no table of contents to read.");
        Add(0xC0AA0506, "E_IMAPI_DF2TAO_MEDIA_IS_NOT_BLANK", DiscMasteringError.MediaNotWritable, "track-at-once writing needs a blank disc, and the one in {recorder} is not; insert blank media.");
        Add(0xC0AA0507, "E_IMAPI_DF2TAO_MEDIA_IS_NOT_SUPPORTED", DiscMasteringError.MediaNotWritable, "IMAPI2 cannot write audio tracks to the disc in {recorder}; insert a blank CD-R or CD-RW.");
        Add(0xC0AA0508, "E_IMAPI_DF2TAO_TRACK_LIMIT_REACHED", DiscMasteringError.ExceedsCapacity, "the disc in {recorder} already has the most tracks a CD can hold (99); leave tracks out.");
        Add(0xC0AA0509, "E_IMAPI_DF2TAO_NOT_ENOUGH_SPACE", DiscMasteringError.ExceedsCapacity, "the track does not fit the free space on the disc in {recorder}; use blank media or leave tracks out.");
        Add(0xC0AA050A, "E_IMAPI_DF2TAO_NO_RECORDER_SPECIFIED", DiscMasteringError.ImapiFailed, "no recorder was given to IMAPI2's track-at-once writer for {recorder}; this is a fault in DiscMastering: report it with this code.");
        Add(0xC0AA050B, "E_IMAPI_DF2TAO_INVALID_ISRC", DiscMasteringError.ImapiFailed, "an ISRC given for a track on {recorder} is not valid; correct it (12 characters: country, owner, year, serial).");
        Add(0xC0AA050C, "E_IMAPI_DF2TAO_INVALID_MCN", DiscMasteringError.ImapiFailed, "the media catalog number given for {recorder} is not valid; correct it (13 digits).");
        Add(0xC0AA050D, "E_IMAPI_DF2TAO_STREAM_NOT_SUPPORTED", DiscMasteringError.ImapiFailed, "IMAPI2 did not accept an audio track's stream for {recorder} (its size must be a whole number of 2352-byte sectors); this is a fault in DiscMastering: report it with this code.");
        Add(0xC0AA050E, "E_IMAPI_DF2TAO_RECORDER_NOT_SUPPORTED", DiscMasteringError.RecorderUnsupported, "IMAPI2 cannot write audio tracks with {recorder}; use another drive.");
        Add(0xC0AA050F, "E_IMAPI_DF2TAO_CLIENT_NAME_IS_NOT_VALID", DiscMasteringError.ImapiFailed, "IMAPI2 refused the client name given for {recorder}; this is a fault in DiscMastering: report it with this code.");
        Add(0xC0AA0600, "E_IMAPI_DF2RAW_WRITE_IN_PROGRESS", DiscMasteringError.RecorderBusy, "a raw write to {recorder} is already running; wait for it to finish.");
        Add(0xC0AA0601, "E_IMAPI_DF2RAW_WRITE_NOT_IN_PROGRESS", DiscMasteringError.ImapiFailed, "no raw write to {recorder} was running; this is a fault in DiscMastering: report it with this code.");
        Add(0xC0AA0602, "E_IMAPI_DF2RAW_MEDIA_IS_NOT_PREPARED", DiscMasteringError.ImapiFailed, "the disc in {recorder} was not prepared for raw writing; this is a fault in DiscMastering: report it with this code.");
        Add(0xC0AA0603, "E_IMAPI_DF2RAW_MEDIA_IS_PREPARED", DiscMasteringError.ImapiFailed, "the disc in {recorder} is already prepared for raw writing; this is a fault in DiscMastering: report it with this code.");
        Add(0xC0AA0604, "E_IMAPI_DF2RAW_CLIENT_NAME_IS_NOT_VALID", DiscMasteringError.ImapiFailed, "IMAPI2 refused the client name given for {recorder}; this is a fault in DiscMastering: report it with this code.");
        Add(0xC0AA0606, "E_IMAPI_DF2RAW_MEDIA_IS_NOT_BLANK", DiscMasteringError.MediaNotWritable, "raw writing needs a blank disc, and the one in {recorder} is not; insert blank media.");
        Add(0xC0AA0607, "E_IMAPI_DF2RAW_MEDIA_IS_NOT_SUPPORTED", DiscMasteringError.MediaNotWritable, "IMAPI2 cannot write raw sectors to the disc in {recorder}; insert a blank CD-R or CD-RW.");
        Add(0xC0AA0609, "E_IMAPI_DF2RAW_NOT_ENOUGH_SPACE", DiscMasteringError.ExceedsCapacity, "the raw image does not fit the disc in {recorder}; use larger media.");
        Add(0xC0AA060A, "E_IMAPI_DF2RAW_NO_RECORDER_SPECIFIED", DiscMasteringError.ImapiFailed, "no recorder was given to IMAPI2's raw writer for {recorder}; this is a fault in DiscMastering: report it with this code.");
        Add(0xC0AA060D, "E_IMAPI_DF2RAW_STREAM_NOT_SUPPORTED", DiscMasteringError.ImapiFailed, "IMAPI2 did not accept the raw stream for {recorder}; this is a fault in DiscMastering: report it with this code.");
        Add(0xC0AA060E, "E_IMAPI_DF2RAW_DATA_BLOCK_TYPE_NOT_SUPPORTED", DiscMasteringError.RecorderUnsupported, "{recorder} cannot write the raw sector type asked for; use another drive.");
        Add(0xC0AA060F, "E_IMAPI_DF2RAW_STREAM_LEADIN_TOO_SHORT", DiscMasteringError.ImapiFailed, "the raw stream for {recorder} has too short a lead-in; this is a fault in DiscMastering: report it with this code.");
        Add(0xC0AA0610, "E_IMAPI_DF2RAW_RECORDER_NOT_SUPPORTED", DiscMasteringError.RecorderUnsupported, "IMAPI2 cannot write raw sectors with {recorder}; use another drive.");
        Add(0x80AA0900, "E_IMAPI_ERASE_RECORDER_IN_USE", DiscMasteringError.RecorderBusy, "{recorder} is in use by another program, so it cannot be blanked; close that program and try again.");
        Add(0x80AA0901, "E_IMAPI_ERASE_ONLY_ONE_RECORDER_SUPPORTED", DiscMasteringError.ImapiFailed, "IMAPI2 blanks one recorder at a time and was given more than {recorder}; this is a fault in DiscMastering: report it with this code.");
        Add(0x80AA0902, "E_IMAPI_ERASE_DISC_INFORMATION_TOO_SMALL", DiscMasteringError.RecordingFailed, "{recorder} returned too little disc information to blank the disc; try another drive.");
        Add(0x80AA0903, "E_IMAPI_ERASE_MODE_PAGE_2A_TOO_SMALL", DiscMasteringError.RecordingFailed, "{recorder} returned too little capability data (mode page 2A) to blank the disc; try another drive.");
        Add(0x80AA0904, "E_IMAPI_ERASE_MEDIA_IS_NOT_ERASABLE", DiscMasteringError.MediaNotErasable, "the disc in {recorder} cannot be blanked; insert a CD-RW, DVD-RW or BD-RE.");
        Add(0x80AA0905, "E_IMAPI_ERASE_DRIVE_FAILED_ERASE_COMMAND", DiscMasteringError.RecordingFailed, "{recorder} failed to blank the disc; try again, or with another disc.");
        Add(0x80AA0906, "E_IMAPI_ERASE_TOOK_LONGER_THAN_ONE_HOUR", DiscMasteringError.RecordingFailed, "blanking the disc in {recorder} took more than an hour and was given up; the disc may be damaged: try another.");
        Add(0x80AA0907, "E_IMAPI_ERASE_UNEXPECTED_DRIVE_RESPONSE_DURING_ERASE", DiscMasteringError.RecordingFailed, "{recorder} answered unexpectedly while blanking; try again, or with another disc.");
        Add(0x80AA0908, "E_IMAPI_ERASE_DRIVE_FAILED_SPINUP_COMMAND", DiscMasteringError.RecordingFailed, "{recorder} could not spin the disc up after blanking; eject it and check it.");
        Add(0xC0AA0909, "E_IMAPI_ERASE_MEDIA_IS_NOT_SUPPORTED", DiscMasteringError.MediaNotErasable, "IMAPI2 cannot blank the disc in {recorder}; insert a CD-RW, DVD-RW or BD-RE.");
        Add(0xC0AA090A, "E_IMAPI_ERASE_RECORDER_NOT_SUPPORTED", DiscMasteringError.RecorderUnsupported, "IMAPI2 cannot blank discs with {recorder}; use another drive.");
        Add(0xC0AA090B, "E_IMAPI_ERASE_CLIENT_NAME_IS_NOT_VALID", DiscMasteringError.ImapiFailed, "IMAPI2 refused the client name given for {recorder}; this is a fault in DiscMastering: report it with this code.");
        Add(0x80AA0A00, "E_IMAPI_RAW_IMAGE_IS_READ_ONLY", DiscMasteringError.ImapiFailed, "the raw image for {recorder} can no longer be changed; this is a fault in DiscMastering: report it with this code.");
        Add(0x80AA0A01, "E_IMAPI_RAW_IMAGE_TOO_MANY_TRACKS", DiscMasteringError.ImapiFailed, "the raw image for {recorder} has more tracks than a CD can hold (99); leave tracks out.");
        Add(0x80AA0A02, "E_IMAPI_RAW_IMAGE_SECTOR_TYPE_NOT_SUPPORTED", DiscMasteringError.ImapiFailed, "the raw image for {recorder} asks for a sector type IMAPI2 does not support; this is a fault in DiscMastering: report it with this code.");
        Add(0x80AA0A03, "E_IMAPI_RAW_IMAGE_NO_TRACKS", DiscMasteringError.ImapiFailed, "the raw image for {recorder} has no tracks; add at least one.");
        Add(0x80AA0A04, "E_IMAPI_RAW_IMAGE_TRACKS_ALREADY_ADDED", DiscMasteringError.ImapiFailed, "tracks were already added to the raw image for {recorder}; this is a fault in DiscMastering: report it with this code.");
        Add(0x80AA0A05, "E_IMAPI_RAW_IMAGE_INSUFFICIENT_SPACE", DiscMasteringError.ImapiFailed, "the raw image for {recorder} has no room for the track; leave tracks out.");
        Add(0x80AA0A06, "E_IMAPI_RAW_IMAGE_TOO_MANY_TRACK_INDEXES", DiscMasteringError.ImapiFailed, "a track for {recorder} has more indexes than a CD allows (99); leave indexes out.");
        Add(0x80AA0A07, "E_IMAPI_RAW_IMAGE_TRACK_INDEX_NOT_FOUND", DiscMasteringError.ImapiFailed, "a track index for {recorder} was not found; this is a fault in DiscMastering: report it with this code.");
        Add(0x00AA0A08, "S_IMAPI_RAW_IMAGE_TRACK_INDEX_ALREADY_EXISTS", null, "the track index for {recorder} was already there.");
        Add(0x80AA0A09, "E_IMAPI_RAW_IMAGE_TRACK_INDEX_OFFSET_ZERO_CANNOT_BE_CLEARED", DiscMasteringError.ImapiFailed, "the first index of a track for {recorder} cannot be removed; this is a fault in DiscMastering: report it with this code.");
        Add(0x80AA0A0A, "E_IMAPI_RAW_IMAGE_TRACK_INDEX_TOO_CLOSE_TO_OTHER_INDEX", DiscMasteringError.ImapiFailed, "two track indexes for {recorder} are closer than a second apart; move them apart.");
        return table;
    }
}
