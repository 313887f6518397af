using System.Runtime.InteropServices;
using System.Runtime.InteropServices.Marshalling;

namespace DiscMastering.Imapi.Interop.Windows;

/// <summary>
/// One IMAPI v1 recorder (imapi.h, Windows SDK; IID 85AC9776-CA88-4CF2-894E-09598C078A41), slots 3-17: Init,
/// GetRecorderGUID, GetRecorderType, GetDisplayNames, GetBasePnPID, GetPath, GetRecorderProperties,
/// SetRecorderProperties, GetRecorderState, OpenExclusive, QueryMediaType, QueryMediaInfo, Eject, Erase, Close.
/// GetDisplayNames' BSTRs are [unique][in,out]: pass pointers to zero, free what comes back.
/// </summary>
[GeneratedComInterface(StringMarshalling = StringMarshalling.Custom, StringMarshallingCustomType = typeof(BStrStringMarshaller))]
[Guid("85AC9776-CA88-4CF2-894E-09598C078A41")]
internal unsafe partial interface IDiscRecorder
{
    [PreserveSig]
    int Init(byte* pbyUniqueID, uint nulIDSize, uint nulDriveNumber);

    [PreserveSig]
    int GetRecorderGUID(byte* pbyUniqueID, uint ulBufferSize, uint* pulReturnSizeRequired);

    [PreserveSig]
    int GetRecorderType(int* fTypeCode);

    [PreserveSig]
    int GetDisplayNames(nint* pbstrVendorID, nint* pbstrProductID, nint* pbstrRevision);

    [PreserveSig]
    int GetBasePnPID(out string? pbstrBasePnPID);

    [PreserveSig]
    int GetPath(out string? pbstrPath);

    [PreserveSig]
    int GetRecorderProperties(nint* ppPropStg);

    [PreserveSig]
    int SetRecorderProperties(nint pPropStg);

    [PreserveSig]
    int GetRecorderState(uint* pulDevStateFlags);

    [PreserveSig]
    int OpenExclusive();

    [PreserveSig]
    int QueryMediaType(int* fMediaType, int* fMediaFlags);

    [PreserveSig]
    int QueryMediaInfo(byte* pbSessions, byte* pbLastTrack, uint* ulStartAddress, uint* ulNextWritable, uint* ulFreeBlocks);

    [PreserveSig]
    int Eject();

    /// <summary><paramref name="bFullErase"/> is MIDL <c>boolean</c>: one byte.</summary>
    [PreserveSig]
    int Erase(byte bFullErase);

    [PreserveSig]
    int Close();
}
