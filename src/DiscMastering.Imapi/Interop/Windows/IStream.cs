using System.Runtime.InteropServices;
using System.Runtime.InteropServices.Marshalling;

namespace DiscMastering.Imapi.Interop.Windows;

/// <summary>
/// A seekable byte stream (objidl.h, Windows SDK; IID 0000000C-0000-0000-C000-000000000046): ISequentialStream's
/// Read and Write, then Seek, SetSize, CopyTo, Commit, Revert, LockRegion, UnlockRegion, Stat, Clone (slots 5-13).
/// </summary>
[GeneratedComInterface]
[Guid("0000000C-0000-0000-C000-000000000046")]
internal unsafe partial interface IStream : ISequentialStream
{
    /// <summary>STREAM_SEEK_SET, STREAM_SEEK_CUR, STREAM_SEEK_END (objidl.h).</summary>
    public const uint STREAM_SEEK_SET = 0;
    public const uint STREAM_SEEK_CUR = 1;
    public const uint STREAM_SEEK_END = 2;

    [PreserveSig]
    int Seek(long dlibMove, uint dwOrigin, ulong* plibNewPosition);

    [PreserveSig]
    int SetSize(ulong libNewSize);

    [PreserveSig]
    int CopyTo(nint pstm, ulong cb, ulong* pcbRead, ulong* pcbWritten);

    [PreserveSig]
    int Commit(uint grfCommitFlags);

    [PreserveSig]
    int Revert();

    [PreserveSig]
    int LockRegion(ulong libOffset, ulong cb, uint dwLockType);

    [PreserveSig]
    int UnlockRegion(ulong libOffset, ulong cb, uint dwLockType);

    [PreserveSig]
    int Stat(STATSTG* pstatstg, uint grfStatFlag);

    [PreserveSig]
    int Clone(nint* ppstm);
}
