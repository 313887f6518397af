using System.Runtime.InteropServices;

namespace DiscMastering.Imapi.Interop.Linux.Libburn;

/// <summary>
/// struct burn_progress, as libburn.h 1.5.4 lays it out on LP64 (checked with offsetof: 64 bytes, sectors at 28,
/// sector at 32, buffered_bytes at 48). On blanking, sectors is 0x10000 and sector counts steps towards it.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal struct BurnProgress
{
    public int Sessions;
    public int Session;
    public int Tracks;
    public int Track;
    public int Indices;
    public int Index;
    public int StartSector;
    public int Sectors;
    public int Sector;
    public uint BufferCapacity;
    public uint BufferAvailable;
    public long BufferedBytes;
    public uint BufferMinFill;
}
