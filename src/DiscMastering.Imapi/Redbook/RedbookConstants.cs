namespace DiscMastering.Imapi.Redbook;

/// <summary>
/// Sizes fixed by the Red Book (IEC 60908, "Compact disc digital audio system") and by the WAV layouts this
/// engine reads: RIFF/WAVE (Microsoft, "Multimedia Programming Interface and Data Specifications 1.0", 1991),
/// WAVE_FORMAT_EXTENSIBLE (Microsoft's mmreg.h and ksmedia.h) and RF64 (EBU Tech 3306).
/// </summary>
internal static class RedbookConstants
{
    /// <summary>Bytes in one stereo 16-bit sample frame.</summary>
    public const int FrameSize = Channels * (BitsPerSample / 8);

    /// <summary>IEC 60908: 44.1 kHz sampling.</summary>
    public const int SampleRate = 44_100;

    /// <summary>IEC 60908: 16-bit linear samples.</summary>
    public const int BitsPerSample = 16;

    /// <summary>IEC 60908: two channels.</summary>
    public const int Channels = 2;

    /// <summary>Sectors (CD frames of the subcode) per second of audio.</summary>
    public const int SectorsPerSecond = 75;

    /// <summary>Sample frames in one sector: 44,100 / 75.</summary>
    public const int FramesPerSector = SampleRate / SectorsPerSecond;

    /// <summary>One audio sector: 588 frames of 4 bytes, 2352 bytes.</summary>
    public const int SectorSize = FramesPerSector * FrameSize;

    /// <summary>IEC 60908: track 1's pause (INDEX 00 to INDEX 01) is 2 seconds.</summary>
    public const int FirstPregapSectors = 2 * SectorsPerSecond;

    /// <summary>The default pause between tracks: 2 seconds, as most mastering programs write.</summary>
    public const int DefaultGapSectors = 2 * SectorsPerSecond;

    /// <summary>The longest pause between tracks this engine writes.</summary>
    public const int MaxGapSeconds = 60;

    /// <summary>IEC 60908: a track lasts at least 4 seconds.</summary>
    public const int MinimumTrackSectors = 4 * SectorsPerSecond;

    /// <summary>IEC 60908: track numbers run from 1 to 99.</summary>
    public const int MaxTracks = 99;

    /// <summary>A 74-minute disc, the 2-second lead included.</summary>
    public const int Cd74Sectors = 74 * 60 * SectorsPerSecond;

    /// <summary>An 80-minute disc, the 2-second lead included.</summary>
    public const int Cd80Sectors = 80 * 60 * SectorsPerSecond;

    /// <summary>RIFF header: "RIFF" (or "RF64"), the form size, "WAVE".</summary>
    public const int RiffHeaderSize = 12;

    /// <summary>A chunk header: four-character id, then a 32-bit little-endian size.</summary>
    public const int ChunkHeaderSize = 8;

    /// <summary>The PCM part of a <c>fmt </c> chunk (WAVEFORMAT plus wBitsPerSample).</summary>
    public const int FormatPcmSize = 16;

    /// <summary>A WAVEFORMATEXTENSIBLE <c>fmt </c> chunk: 18 bytes of WAVEFORMATEX, then 22 more.</summary>
    public const int FormatExtensibleSize = 40;

    /// <summary>Where WAVEFORMATEXTENSIBLE's SubFormat GUID starts in the <c>fmt </c> chunk.</summary>
    public const int SubFormatOffset = 24;

    /// <summary>A <c>ds64</c> chunk's fixed part: RIFF size, data size and sample count, 64 bits each (EBU Tech 3306).</summary>
    public const int Ds64FixedSize = 24;

    /// <summary>Where the 64-bit data size sits in a <c>ds64</c> chunk.</summary>
    public const int Ds64DataSizeOffset = 8;

    /// <summary>A 32-bit size that means "see ds64" in RF64, or "unknown, to the end" from a streaming writer.</summary>
    public const uint UnknownSize = uint.MaxValue;

    /// <summary>WAVE_FORMAT_PCM.</summary>
    public const ushort FormatTagPcm = 0x0001;

    /// <summary>WAVE_FORMAT_EXTENSIBLE.</summary>
    public const ushort FormatTagExtensible = 0xFFFE;

    /// <summary>Chunks read before the samples are found; a real file has a handful.</summary>
    public const int MaxChunks = 4096;

    /// <summary>The largest LIST chunk whose INFO is read; larger ones (embedded pictures) are skipped.</summary>
    public const int MaxListSize = 1 << 16;

    /// <summary>Bytes read and written at once: 64 sectors.</summary>
    public const int BufferSize = 64 * SectorSize;

    /// <summary>The longest cue sheet read, in bytes: 99 tracks with every field come to a few kilobytes.</summary>
    public const int MaxCueBytes = 1 << 20;

    /// <summary>The longest cue sheet line read.</summary>
    public const int MaxCueLineLength = 1024;

    /// <summary>The most cue sheet lines read.</summary>
    public const int MaxCueLines = 10_000;

    public static ReadOnlySpan<byte> Riff => "RIFF"u8;

    public static ReadOnlySpan<byte> Rf64 => "RF64"u8;

    public static ReadOnlySpan<byte> Wave => "WAVE"u8;

    public static ReadOnlySpan<byte> FormatChunk => "fmt "u8;

    public static ReadOnlySpan<byte> DataChunk => "data"u8;

    public static ReadOnlySpan<byte> Ds64Chunk => "ds64"u8;

    public static ReadOnlySpan<byte> ListChunk => "LIST"u8;

    public static ReadOnlySpan<byte> InfoList => "INFO"u8;

    public static ReadOnlySpan<byte> TitleTag => "INAM"u8;

    public static ReadOnlySpan<byte> ArtistTag => "IART"u8;

    /// <summary>
    /// KSDATAFORMAT_SUBTYPE_PCM, {00000001-0000-0010-8000-00AA00389B71} (ksmedia.h), as the 16 bytes a file
    /// holds: the first three fields little-endian.
    /// </summary>
    public static ReadOnlySpan<byte> PcmSubFormat =>
        [0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xAA, 0x00, 0x38, 0x9B, 0x71];
}
