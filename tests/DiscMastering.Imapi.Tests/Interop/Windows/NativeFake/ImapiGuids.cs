namespace DiscMastering.Imapi.Tests.Interop.Windows.NativeFake;

/// <summary>
/// The identifiers the tests ask the fake for, from the Windows SDK headers named beside each (also in Wine's
/// and mingw-w64's IDL files of the same names).
/// </summary>
internal static class ImapiGuids
{
    internal static readonly Guid IUnknown = new("00000000-0000-0000-C000-000000000046"); // unknwn.h
    internal static readonly Guid IDispatch = new("00020400-0000-0000-C000-000000000046"); // oaidl.h
    internal static readonly Guid ISequentialStream = new("0C733A30-2A1C-11CE-ADE5-00AA0044773D"); // objidl.h
    internal static readonly Guid IStream = new("0000000C-0000-0000-C000-000000000046"); // objidl.h
    internal static readonly Guid IStorage = new("0000000B-0000-0000-C000-000000000046"); // objidl.h
    internal static readonly Guid IEnumSTATSTG = new("0000000D-0000-0000-C000-000000000046"); // objidl.h

    internal static readonly Guid IDiscMaster = new("520CCA62-51A5-11D3-9144-00104BA11C5E"); // imapi.h
    internal static readonly Guid IDiscRecorder = new("85AC9776-CA88-4CF2-894E-09598C078A41"); // imapi.h
    internal static readonly Guid IEnumDiscRecorders = new("9B1921E1-54AC-11D3-9144-00104BA11C5E"); // imapi.h
    internal static readonly Guid IRedbookDiscMaster = new("E3BC42CD-4E5C-11D3-9144-00104BA11C5E"); // imapi.h
    internal static readonly Guid IJolietDiscMaster = new("E3BC42CE-4E5C-11D3-9144-00104BA11C5E"); // imapi.h
    internal static readonly Guid IDiscMasterProgressEvents = new("EC9E51C1-4E5D-11D3-9144-00104BA11C5E"); // imapi.h
    internal static readonly Guid MSDiscMasterObj = new("520CCA63-51A5-11D3-9144-00104BA11C5E"); // imapi.h
    internal static readonly Guid MSDiscRecorderObj = new("520CCA61-51A5-11D3-9144-00104BA11C5E"); // imapi.h
    internal static readonly Guid IPropertyStorage = new("00000138-0000-0000-C000-000000000046"); // propidl.h

    internal static readonly Guid ICDBurn = new("3D73A659-E5D0-4D42-AFC0-5121BA425C8D"); // shobjidl.h
    internal static readonly Guid CDBurn = new("FBEB8A05-BEEE-4442-804E-409D6C4515E9"); // shobjidl.h

    internal static readonly Guid IDiscMaster2 = new("27354130-7F64-5B0F-8F00-5D77AFBE261E"); // imapi2.h
    internal static readonly Guid IDiscRecorder2 = new("27354133-7F64-5B0F-8F00-5D77AFBE261E"); // imapi2.h
    internal static readonly Guid IDiscFormat2 = new("27354152-8F64-5B0F-8F00-5D77AFBE261E"); // imapi2.h
    internal static readonly Guid IDiscFormat2Data = new("27354153-9F64-5B0F-8F00-5D77AFBE261E"); // imapi2.h
    internal static readonly Guid IDiscFormat2Erase = new("27354156-8F64-5B0F-8F00-5D77AFBE261E"); // imapi2.h
    internal static readonly Guid IDiscFormat2TrackAtOnce = new("27354154-8F64-5B0F-8F00-5D77AFBE261E"); // imapi2.h
    internal static readonly Guid MsftDiscFormat2Erase = new("2735412B-7F64-5B0F-8F00-5D77AFBE261E"); // imapi2.h
    internal static readonly Guid MsftDiscFormat2TrackAtOnce = new("27354129-7F64-5B0F-8F00-5D77AFBE261E"); // imapi2.h
    internal static readonly Guid MsftDiscMaster2 = new("2735412E-7F64-5B0F-8F00-5D77AFBE261E"); // imapi2.h
    internal static readonly Guid MsftDiscRecorder2 = new("2735412D-7F64-5B0F-8F00-5D77AFBE261E"); // imapi2.h
    internal static readonly Guid MsftDiscFormat2Data = new("2735412A-7F64-5B0F-8F00-5D77AFBE261E"); // imapi2.h
}
