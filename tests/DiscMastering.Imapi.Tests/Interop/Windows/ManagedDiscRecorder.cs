using System.Runtime.InteropServices;
using System.Runtime.InteropServices.Marshalling;
using DiscMastering.Imapi.Interop.Windows;

namespace DiscMastering.Imapi.Tests.Interop.Windows;

/// <summary>An IMAPI v1 recorder in managed code: identity, media answers and a log of the calls that change its state.</summary>
[GeneratedComClass]
internal sealed unsafe partial class ManagedDiscRecorder(string vendor, string product, string revision, string path) : IDiscRecorder
{
    public List<string> Calls { get; } = [];

    public int OpenExclusiveResult { get; set; }

    public int MediaResult { get; set; }

    public (int Type, int Flags) Media { get; set; } = (2, 0x1 | 0x4);

    public (byte Sessions, byte LastTrack, uint Start, uint Next, uint Free) Info { get; set; } = (0, 0, 0, 0, 359_847);

    public int Init(byte* pbyUniqueID, uint nulIDSize, uint nulDriveNumber) => ComHResults.E_NOTIMPL;

    public int GetRecorderGUID(byte* pbyUniqueID, uint ulBufferSize, uint* pulReturnSizeRequired) => ComHResults.E_NOTIMPL;

    public int GetRecorderType(int* fTypeCode)
    {
        *fTypeCode = 2;
        return ComHResults.S_OK;
    }

    public int GetDisplayNames(nint* pbstrVendorID, nint* pbstrProductID, nint* pbstrRevision)
    {
        *pbstrVendorID = Marshal.StringToBSTR(vendor);
        *pbstrProductID = Marshal.StringToBSTR(product);
        *pbstrRevision = Marshal.StringToBSTR(revision);
        return ComHResults.S_OK;
    }

    public int GetBasePnPID(out string? pbstrBasePnPID)
    {
        pbstrBasePnPID = @"IDE\CDROM" + product.Replace(' ', '_');
        return ComHResults.S_OK;
    }

    public int GetPath(out string? pbstrPath)
    {
        pbstrPath = path;
        return ComHResults.S_OK;
    }

    public int GetRecorderProperties(nint* ppPropStg)
    {
        *ppPropStg = ComRoundTrip.Pointer<IPropertyStorage>(new FakePropertyStorage(
        [
            (0x1, "WriteSpeed", PROPVARIANT.VT_I4, 8),
            (0x2, "EnableBufferUnderrunFree", PROPVARIANT.VT_BOOL, true),
        ]));
        return ComHResults.S_OK;
    }

    public int SetRecorderProperties(nint pPropStg) => ComHResults.E_NOTIMPL;

    public int GetRecorderState(uint* pulDevStateFlags)
    {
        *pulDevStateFlags = 0;
        return ComHResults.S_OK;
    }

    public int OpenExclusive()
    {
        Calls.Add("OpenExclusive");
        return OpenExclusiveResult;
    }

    public int QueryMediaType(int* fMediaType, int* fMediaFlags)
    {
        (*fMediaType, *fMediaFlags) = Media;
        return MediaResult;
    }

    public int QueryMediaInfo(byte* pbSessions, byte* pbLastTrack, uint* ulStartAddress, uint* ulNextWritable, uint* ulFreeBlocks)
    {
        (*pbSessions, *pbLastTrack, *ulStartAddress, *ulNextWritable, *ulFreeBlocks) = Info;
        return MediaResult;
    }

    public int Eject()
    {
        Calls.Add("Eject");
        return ComHResults.S_OK;
    }

    public int Erase(byte bFullErase)
    {
        Calls.Add($"Erase({bFullErase})");
        return ComHResults.S_OK;
    }

    public int Close()
    {
        Calls.Add("Close");
        return ComHResults.S_OK;
    }
}
