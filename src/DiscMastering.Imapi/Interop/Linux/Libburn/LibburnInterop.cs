using System.Runtime.InteropServices;

namespace DiscMastering.Imapi.Interop.Linux.Libburn;

/// <summary>
/// The parts of libburn's C API the recorder backend uses. Drives, options, discs, sessions, tracks and sources
/// are opaque pointers. Signatures, enum values and sizes from libburn.h 1.5.4 (LP64: int is 32 bits, off_t 64).
/// Nothing here loads the library: <see cref="LibburnLibrary.Load"/> does that, once, before any call.
/// burn_set_signal_handling is left out on purpose: every mode of it calls signal(2) on nearly all signals
/// (SIGINT, SIGTERM, SIGSEGV among them), which the .NET runtime owns; without it libburn installs no handler.
/// </summary>
internal static unsafe partial class LibburnInterop
{
    /// <summary>BURN_DRIVE_ADR_LEN: the size of an address buffer.</summary>
    public const int AddressLength = 1024;

    /// <summary>BURN_MSGS_MESSAGE_LEN: the size of a message text buffer.</summary>
    public const int MessageLength = 4096;

    /// <summary>The size burn_msgs_obtain documents for its severity name buffer.</summary>
    public const int SeverityLength = 80;

    /// <summary>The size of burn_disc_get_profile's name buffer.</summary>
    public const int ProfileNameLength = 80;

    /// <summary>BURN_REASONS_LEN: the size of burn_write_opts_auto_write_type's reasons buffer.</summary>
    public const int ReasonsLength = 4096;

    /// <summary>BURN_POS_END: append a session or track at the end.</summary>
    public const uint PositionEnd = 100;

    /// <summary>BURN_MODE1 (1 &lt;&lt; 2): 2048-byte data blocks.</summary>
    public const int Mode1 = 1 << 2;

    /// <summary>BURN_AUDIO (1 &lt;&lt; 6): 2352-byte audio sectors, 44.1 kHz 16-bit stereo, little-endian.</summary>
    public const int Audio = 1 << 6;

    /// <summary>BURN_WRITE_TAO in enum burn_write_types (PACKET 0, TAO 1, SAO 2, RAW 3, NONE 4): track at once.</summary>
    public const int WriteTao = 1;

    /// <summary>BURN_WRITE_SAO in enum burn_write_types: session (disc) at once.</summary>
    public const int WriteSao = 2;

    /// <summary>BURN_WRITE_NONE in enum burn_write_types: no write type fits.</summary>
    public const int WriteNone = 4;

    /// <summary>BURN_BLOCK_SAO in enum burn_block_types: the block type BURN_WRITE_SAO requires.</summary>
    public const int BlockSao = 16384;

    /// <summary>CD-TEXT pack type 0x80, TITLE (libburn.h, burn_session_set_cdtext).</summary>
    public const int CdTextTitle = 0x80;

    /// <summary>CD-TEXT pack type 0x81, PERFORMER (libburn.h, burn_session_set_cdtext).</summary>
    public const int CdTextPerformer = 0x81;

    /// <summary>BURN_SOURCE_OK in enum burn_source_status.</summary>
    public const int SourceOk = 0;

    /// <summary>
    /// burn_preset_device_open's exclusive: 1 opens with O_EXCL, 32 adds an fcntl(F_SETLK) lock; together they are
    /// libburn's own default, which a call with plain 1 would weaken.
    /// </summary>
    public const int ExclusiveWithLock = 1 | 32;

    [LibraryImport(LibburnLibrary.SoName, EntryPoint = "burn_initialize")]
    public static partial int Initialize();

    [LibraryImport(LibburnLibrary.SoName, EntryPoint = "burn_finish")]
    public static partial void Finish();

    [LibraryImport(LibburnLibrary.SoName, EntryPoint = "burn_version")]
    public static partial void Version(out int major, out int minor, out int micro);

    [LibraryImport(LibburnLibrary.SoName, EntryPoint = "burn_msgs_set_severities", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int MessagesSetSeverities(string queueSeverity, string printSeverity, string printId);

    [LibraryImport(LibburnLibrary.SoName, EntryPoint = "burn_msgs_obtain", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int MessagesObtain(string minimumSeverity, out int errorCode, byte* messageText, out int osErrno, byte* severity);

    [LibraryImport(LibburnLibrary.SoName, EntryPoint = "burn_preset_device_open")]
    public static partial void PresetDeviceOpen(int exclusive, int blocking, int abortOnBusy);

    /// <summary>Returns 0 while scanning is not complete, &gt;0 when done, &lt;0 on failure.</summary>
    [LibraryImport(LibburnLibrary.SoName, EntryPoint = "burn_drive_scan")]
    public static partial int DriveScan(out BurnDriveInfo* driveInfos, out uint count);

    [LibraryImport(LibburnLibrary.SoName, EntryPoint = "burn_drive_info_free")]
    public static partial void DriveInfoFree(BurnDriveInfo* driveInfos);

    /// <summary>Returns 1 when grabbed, 0 when not found, -1 on other failures.</summary>
    [LibraryImport(LibburnLibrary.SoName, EntryPoint = "burn_drive_scan_and_grab", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int DriveScanAndGrab(out BurnDriveInfo* driveInfos, string address, int load);

    [LibraryImport(LibburnLibrary.SoName, EntryPoint = "burn_drive_d_get_adr")]
    public static partial int DriveGetAddress(nint drive, byte* address);

    [LibraryImport(LibburnLibrary.SoName, EntryPoint = "burn_drive_release")]
    public static partial void DriveRelease(nint drive, int eject);

    /// <summary>Returns an enum burn_drive_status value (see <see cref="BurnDriveStatus"/>).</summary>
    [LibraryImport(LibburnLibrary.SoName, EntryPoint = "burn_drive_get_status")]
    public static partial int DriveGetStatus(nint drive, BurnProgress* progress);

    [LibraryImport(LibburnLibrary.SoName, EntryPoint = "burn_drive_cancel")]
    public static partial void DriveCancel(nint drive);

    /// <summary>0 null drive, 1 MMC drive, 2 stdio random access, 3 stdio sequential write-only, 4 and 5 other stdio.</summary>
    [LibraryImport(LibburnLibrary.SoName, EntryPoint = "burn_drive_get_drive_role")]
    public static partial int DriveGetRole(nint drive);

    [LibraryImport(LibburnLibrary.SoName, EntryPoint = "burn_drive_get_write_speed")]
    public static partial int DriveGetWriteSpeed(nint drive);

    [LibraryImport(LibburnLibrary.SoName, EntryPoint = "burn_drive_get_read_speed")]
    public static partial int DriveGetReadSpeed(nint drive);

    /// <summary>Speeds in kB/s; 0 is the fastest.</summary>
    [LibraryImport(LibburnLibrary.SoName, EntryPoint = "burn_drive_set_speed")]
    public static partial void DriveSetSpeed(nint drive, int read, int write);

    [LibraryImport(LibburnLibrary.SoName, EntryPoint = "burn_drive_wrote_well")]
    public static partial int DriveWroteWell(nint drive);

    /// <summary>Returns an enum burn_disc_status value (see <see cref="BurnDiscStatus"/>).</summary>
    [LibraryImport(LibburnLibrary.SoName, EntryPoint = "burn_disc_get_status")]
    public static partial int DiscGetStatus(nint drive);

    [LibraryImport(LibburnLibrary.SoName, EntryPoint = "burn_disc_get_profile")]
    public static partial int DiscGetProfile(nint drive, out int profileNumber, byte* name);

    [LibraryImport(LibburnLibrary.SoName, EntryPoint = "burn_disc_erasable")]
    public static partial int DiscErasable(nint drive);

    [LibraryImport(LibburnLibrary.SoName, EntryPoint = "burn_disc_available_space")]
    public static partial long DiscAvailableSpace(nint drive, nint writeOptions);

    /// <summary>Returns 1 when the next writable address is valid, 0 when not, -1 on error.</summary>
    [LibraryImport(LibburnLibrary.SoName, EntryPoint = "burn_disc_track_lba_nwa")]
    public static partial int DiscTrackLbaNwa(nint drive, nint writeOptions, int trackNumber, out int lba, out int nwa);

    [LibraryImport(LibburnLibrary.SoName, EntryPoint = "burn_disc_get_msc1")]
    public static partial int DiscGetMsc1(nint drive, out int startLba);

    /// <summary>The media's table of contents as a disc object, NULL when blank; free it with <see cref="DiscFree"/>.</summary>
    [LibraryImport(LibburnLibrary.SoName, EntryPoint = "burn_drive_get_disc")]
    public static partial nint DriveGetDisc(nint drive);

    [LibraryImport(LibburnLibrary.SoName, EntryPoint = "burn_disc_get_sessions")]
    public static partial nint* DiscGetSessions(nint disc, out int count);

    [LibraryImport(LibburnLibrary.SoName, EntryPoint = "burn_session_get_tracks")]
    public static partial nint* SessionGetTracks(nint session, out int count);

    [LibraryImport(LibburnLibrary.SoName, EntryPoint = "burn_session_get_start_tno")]
    public static partial int SessionGetStartTrackNumber(nint session, int flag);

    [LibraryImport(LibburnLibrary.SoName, EntryPoint = "burn_write_opts_new")]
    public static partial nint WriteOptionsNew(nint drive);

    [LibraryImport(LibburnLibrary.SoName, EntryPoint = "burn_write_opts_free")]
    public static partial void WriteOptionsFree(nint writeOptions);

    [LibraryImport(LibburnLibrary.SoName, EntryPoint = "burn_write_opts_set_simulate")]
    public static partial int WriteOptionsSetSimulate(nint writeOptions, int simulate);

    [LibraryImport(LibburnLibrary.SoName, EntryPoint = "burn_write_opts_set_underrun_proof")]
    public static partial int WriteOptionsSetUnderrunProof(nint writeOptions, int underrunProof);

    [LibraryImport(LibburnLibrary.SoName, EntryPoint = "burn_write_opts_set_multi")]
    public static partial void WriteOptionsSetMulti(nint writeOptions, int multi);

    /// <summary>Chooses SAO or TAO for the disc; returns <see cref="WriteNone"/> with its reasons when neither fits.</summary>
    [LibraryImport(LibburnLibrary.SoName, EntryPoint = "burn_write_opts_auto_write_type")]
    public static partial int WriteOptionsAutoWriteType(nint writeOptions, nint disc, byte* reasons, int flag);

    /// <summary>Sets the write type and its block type; returns 1 on success, 0 on failure.</summary>
    [LibraryImport(LibburnLibrary.SoName, EntryPoint = "burn_write_opts_set_write_type")]
    public static partial int WriteOptionsSetWriteType(nint writeOptions, int writeType, int blockType);

    [LibraryImport(LibburnLibrary.SoName, EntryPoint = "burn_disc_create")]
    public static partial nint DiscCreate();

    /// <summary>Drops one reference; the last one frees the disc with its sessions, tracks and sources.</summary>
    [LibraryImport(LibburnLibrary.SoName, EntryPoint = "burn_disc_free")]
    public static partial void DiscFree(nint disc);

    [LibraryImport(LibburnLibrary.SoName, EntryPoint = "burn_session_create")]
    public static partial nint SessionCreate();

    [LibraryImport(LibburnLibrary.SoName, EntryPoint = "burn_session_free")]
    public static partial void SessionFree(nint session);

    /// <summary>The disc takes its own reference on the session.</summary>
    [LibraryImport(LibburnLibrary.SoName, EntryPoint = "burn_disc_add_session")]
    public static partial int DiscAddSession(nint disc, nint session, uint position);

    [LibraryImport(LibburnLibrary.SoName, EntryPoint = "burn_track_create")]
    public static partial nint TrackCreate();

    [LibraryImport(LibburnLibrary.SoName, EntryPoint = "burn_track_free")]
    public static partial void TrackFree(nint track);

    [LibraryImport(LibburnLibrary.SoName, EntryPoint = "burn_track_define_data")]
    public static partial void TrackDefineData(nint track, int offset, int tail, int pad, int mode);

    /// <summary>0 leaves the source's bytes as they are, 1 swaps byte pairs; returns 1 on success.</summary>
    [LibraryImport(LibburnLibrary.SoName, EntryPoint = "burn_track_set_byte_swap")]
    public static partial int TrackSetByteSwap(nint track, int swapSourceBytes);

    /// <summary>Silence (index 0) written before the track in a CD SAO write, in sectors; returns &gt;0 on success.</summary>
    [LibraryImport(LibburnLibrary.SoName, EntryPoint = "burn_track_set_pregap_size")]
    public static partial int TrackSetPregapSize(nint track, int size, int flag);

    /// <summary>Attaches a CD-TEXT attribute (0-terminated text in the block's character code) to a track; &gt;0 on success.</summary>
    [LibraryImport(LibburnLibrary.SoName, EntryPoint = "burn_track_set_cdtext")]
    public static partial int TrackSetCdText(nint track, int block, int packType, byte* packTypeName, byte* payload, int length, int flag);

    /// <summary>Attaches a CD-TEXT attribute to a session (the disc's album entry); &gt;0 on success.</summary>
    [LibraryImport(LibburnLibrary.SoName, EntryPoint = "burn_session_set_cdtext")]
    public static partial int SessionSetCdText(nint session, int block, int packType, byte* packTypeName, byte* payload, int length, int flag);

    /// <summary>The session takes its own reference on the track.</summary>
    [LibraryImport(LibburnLibrary.SoName, EntryPoint = "burn_session_add_track")]
    public static partial int SessionAddTrack(nint session, nint track, uint position);

    /// <summary>A source reading <paramref name="dataFd"/>, which it closes when freed; <paramref name="size"/> 0 asks fstat.</summary>
    [LibraryImport(LibburnLibrary.SoName, EntryPoint = "burn_fd_source_new")]
    public static partial nint FdSourceNew(int dataFd, int subFd, long size);

    /// <summary>The track takes its own reference on the source; returns <see cref="SourceOk"/> on success.</summary>
    [LibraryImport(LibburnLibrary.SoName, EntryPoint = "burn_track_set_source")]
    public static partial int TrackSetSource(nint track, nint source);

    [LibraryImport(LibburnLibrary.SoName, EntryPoint = "burn_source_free")]
    public static partial void SourceFree(nint source);

    /// <summary>Starts writing on libburn's own thread and returns at once; poll <see cref="DriveGetStatus"/> until idle.</summary>
    [LibraryImport(LibburnLibrary.SoName, EntryPoint = "burn_disc_write")]
    public static partial void DiscWrite(nint writeOptions, nint disc);

    /// <summary>Starts blanking on libburn's own thread and returns at once; it cannot be cancelled.</summary>
    [LibraryImport(LibburnLibrary.SoName, EntryPoint = "burn_disc_erase")]
    public static partial void DiscErase(nint drive, int fast);

    /// <summary>Returns 1 on success, &lt;=0 on failure with the bytes read so far in <paramref name="count"/>.</summary>
    [LibraryImport(LibburnLibrary.SoName, EntryPoint = "burn_read_data")]
    public static partial int ReadData(nint drive, long byteAddress, byte* data, long dataSize, out long count, int flag);
}
