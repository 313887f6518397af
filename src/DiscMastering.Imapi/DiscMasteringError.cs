namespace DiscMastering.Imapi;

/// <summary>
/// Every failure a user can cause, with its number as the value: the tool prints it as <c>DM####</c>.
/// This enum is the one table of codes; docs/errors.md describes each.
/// </summary>
public enum DiscMasteringError
{
    /// <summary>The command line is not understood (unknown option, missing value, unreadable response file).</summary>
    InvalidArguments = 1000,

    /// <summary>A source file or folder does not exist.</summary>
    SourceNotFound = 1001,

    /// <summary>A graft point (<c>disc/path=local/path</c>) is malformed.</summary>
    InvalidGraftPoint = 1002,

    /// <summary>The media name or size is not understood.</summary>
    InvalidMedia = 1003,

    /// <summary>The image would be written inside one of its own sources.</summary>
    ImageInsideSource = 1004,

    /// <summary>The image's folder cannot be created or written.</summary>
    OutputNotWritable = 1005,

    /// <summary>The image to read does not exist.</summary>
    ImageNotFound = 1006,

    /// <summary>The volume label or another volume text is not valid.</summary>
    InvalidVolumeText = 1007,

    /// <summary>The user cancelled (Ctrl+C, SIGTERM); nothing was left behind.</summary>
    Cancelled = 1008,

    /// <summary>A name holds a character Joliet cannot hold.</summary>
    JolietForbiddenCharacter = 2001,

    /// <summary>A name is longer than Joliet allows.</summary>
    JolietNameTooLong = 2002,

    /// <summary>A FIFO, socket or device is in the tree.</summary>
    SpecialFile = 2003,

    /// <summary>A symbolic link leads back into its own folder, or to itself.</summary>
    SymbolicLinkLoop = 2004,

    /// <summary>A file or folder cannot be read.</summary>
    Unreadable = 2005,

    /// <summary>A file changed size while the image was written.</summary>
    FileChanged = 2006,

    /// <summary>A file is too large for one ISO 9660 extent.</summary>
    FileTooLarge = 2007,

    /// <summary>The image does not fit the chosen media.</summary>
    ExceedsCapacity = 2008,

    /// <summary>Two sources claim the same path on the disc.</summary>
    DuplicateDiscPath = 2009,

    /// <summary>A file is not a valid ISO 9660 image.</summary>
    InvalidImage = 2010,

    /// <summary>Writing the image failed (for example, the disk is full).</summary>
    WriteFailed = 2011,

    /// <summary>The tree needs more directories than a path table can number (65,535).</summary>
    TooManyDirectories = 2012,

    /// <summary>An entry of the image to extract has a name that could write outside the target folder or is no valid name there.</summary>
    UnsafeEntryName = 2013,

    /// <summary>A file to extract already exists in the target folder (without <c>--overwrite</c>), or a file stands where a folder goes or the reverse.</summary>
    ExtractTargetExists = 2014,

    /// <summary>A path to extract into is a symbolic link (or junction) in the target folder; extraction never writes through one.</summary>
    ExtractThroughLink = 2015,

    /// <summary>Two entries of the image to extract map to the same path on this system's file system (such as <c>a</c> and <c>A</c> where case is ignored).</summary>
    ExtractNameCollision = 2016,

    /// <summary>A disc path given to extract is not in the image.</summary>
    PathNotInImage = 2017,

    /// <summary>Writing an extracted file or folder failed (for example, the disk is full).</summary>
    ExtractWriteFailed = 2018,

    /// <summary>A cloud-init seed (<c>--preset cloud-init</c>) lacks <c>user-data</c> or <c>meta-data</c> as a file at the disc's root.</summary>
    CloudInitSeedIncomplete = 2020,

    /// <summary>A file mode rule (<c>--file-mode GLOB=OCTAL</c>) is malformed: no '=', no pattern, or not an octal mode up to 7777.</summary>
    InvalidFileModeRule = 2021,

    /// <summary>File mode rules were given with Rock Ridge turned off, where no mode is recorded.</summary>
    FileModesWithoutRockRidge = 2022,

    /// <summary>A boot image (<c>--bios-boot</c>, <c>--efi-boot</c>) is not a file of the mastered tree.</summary>
    BootImageNotFound = 2030,

    /// <summary>The BIOS boot image is empty, or shorter than the 64 bytes the boot-info table is written into.</summary>
    BiosBootImageInvalid = 2031,

    /// <summary>The boot load size is outside 1 to 65535 sectors.</summary>
    BootLoadSizeOutOfRange = 2032,

    /// <summary>The EFI boot image is not a FAT file system image.</summary>
    EfiBootImageNotFat = 2033,

    /// <summary><c>--hybrid</c> without <c>--efi-boot</c>, or <c>--hybrid-mbr</c> without <c>--hybrid</c>.</summary>
    HybridIncomplete = 2034,

    /// <summary>The hybrid MBR boot code file is missing, unreadable, or not 432, 446 or 512 bytes.</summary>
    HybridMbrInvalid = 2035,

    /// <summary>The boot catalog's name is already taken at the disc's root by a source.</summary>
    BootCatalogCollision = 2036,

    /// <summary>The boot catalog's name is no valid file name on the disc.</summary>
    BootCatalogNameInvalid = 2037,

    /// <summary>An image's Rock Ridge data is damaged: an entry longer than its area, a continuation area outside its block or the volume, a relocation that points to no directory.</summary>
    DamagedRockRidge = 2040,

    /// <summary>An image's Rock Ridge continuation areas lead back to one already read, or chain beyond the reader's bound.</summary>
    RockRidgeContinuationLoop = 2041,

    /// <summary>An image's El Torito boot catalog is damaged: outside the image, a bad validation entry or checksum, impossible counts.</summary>
    DamagedBootCatalog = 2042,

    /// <summary>An image's partition table (MBR or GPT in its system area) is damaged: impossible sizes or counts, entries outside the image.</summary>
    DamagedPartitionTable = 2043,

    /// <summary>A name is longer than a UDF File Identifier holds (254 bytes of OSTA Compressed Unicode).</summary>
    UdfNameTooLong = 2050,

    /// <summary>A file is larger than one UDF File Entry can place in its extents.</summary>
    UdfFileTooLarge = 2051,

    /// <summary>An image has no UDF Anchor Volume Descriptor Pointer at block 256 or at its last block.</summary>
    NoUdfVolume = 2052,

    /// <summary>An image's UDF structures are damaged: a bad tag, a length or position out of bounds, a directory loop.</summary>
    DamagedUdfImage = 2053,

    /// <summary>An image uses a UDF feature this reader does not read (a block size other than 2048, virtual, sparable or metadata partitions).</summary>
    UnsupportedUdfImage = 2054,

    /// <summary>The recorder library is missing (libburn on Linux) or recording is not possible on this OS.</summary>
    RecordingUnavailable = 3001,

    /// <summary>No recorder answers at the address given (index, device path or <c>stdio:</c> path).</summary>
    RecorderNotFound = 3002,

    /// <summary>Another process holds the recorder.</summary>
    RecorderBusy = 3003,

    /// <summary>The recorder has no media in it.</summary>
    NoMedia = 3004,

    /// <summary>The media cannot be written: closed, full, read-only or of an unsupported kind.</summary>
    MediaNotWritable = 3005,

    /// <summary>The recorder failed while writing, blanking or ejecting.</summary>
    RecordingFailed = 3006,

    /// <summary>A block read back from the media differs from the image.</summary>
    VerifyMismatch = 3007,

    /// <summary>The media cannot be blanked (not rewritable) or is already blank.</summary>
    MediaNotErasable = 3008,

    /// <summary>Reading blocks back from the media failed.</summary>
    ReadBackFailed = 3009,

    /// <summary>The recorder cannot take what was asked of it (an audio track on a pseudo-drive, a speed).</summary>
    RecorderUnsupported = 3010,

    /// <summary>IMAPI is not available on this system: its COM classes are not registered (Windows without IMAPI, Wine).</summary>
    ImapiUnavailable = 5001,

    /// <summary>Another program holds IMAPI v1's stash file (IMAPI_E_STASHINUSE).</summary>
    ImapiStashInUse = 5002,

    /// <summary>Another program has the recorder for exclusive use through IMAPI2 (E_IMAPI_RECORDER_LOCKED); the message names it.</summary>
    ImapiRecorderLocked = 5003,

    /// <summary>IMAPI failed in a way no other code describes; the message gives the HRESULT's name and value.</summary>
    ImapiFailed = 5004,

    /// <summary>IMAPI v1's stash file cannot be made: its folder is compressed, encrypted, removable or short of space.</summary>
    ImapiStashUnusable = 5005,

    /// <summary>An audio track's file does not exist.</summary>
    AudioFileNotFound = 4001,

    /// <summary>A file is not a RIFF/WAVE file, or its header is cut short.</summary>
    NotAWaveFile = 4002,

    /// <summary>A WAV file is not 44.1 kHz, 16-bit, 2-channel PCM.</summary>
    UnsupportedAudioFormat = 4003,

    /// <summary>A WAV file's data chunk runs past the end of the file.</summary>
    TruncatedAudio = 4004,

    /// <summary>More than 99 tracks.</summary>
    TooManyTracks = 4005,

    /// <summary>The tracks do not fit the audio CD's playing time.</summary>
    AudioExceedsCapacity = 4006,

    /// <summary>A cue sheet cannot be read (a line, a file or an address out of bounds).</summary>
    InvalidCueSheet = 4007,

    /// <summary>Audio was sent to a recorder whose media is not a writable CD (a DVD, a pseudo-drive's file).</summary>
    AudioNeedsCd = 4008,

    /// <summary>An audio option is not valid: a negative gap, a track-titles file that does not match the tracks.</summary>
    InvalidAudioOption = 4009,

    /// <summary>A warning: a track shorter than 4 seconds was padded with silence.</summary>
    ShortTrackPadded = 4010,
}
