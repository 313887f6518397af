using System.Runtime.InteropServices;
using System.Runtime.InteropServices.Marshalling;

namespace DiscMastering.Imapi.Interop.Windows;

/// <summary>
/// IMAPI v1's session (imapi.h, Windows SDK; IID 520CCA62-51A5-11D3-9144-00104BA11C5E), slots 3-14: Open,
/// EnumDiscMasterFormats, GetActiveDiscMasterFormat, SetActiveDiscMasterFormat, EnumDiscRecorders,
/// GetActiveDiscRecorder, SetActiveDiscRecorder, ClearFormatContent, ProgressAdvise, ProgressUnadvise, RecordDisc, Close.
/// Open takes the stash file until Close; an Open without a Close holds it until the machine restarts.
/// </summary>
[GeneratedComInterface]
[Guid("520CCA62-51A5-11D3-9144-00104BA11C5E")]
internal unsafe partial interface IDiscMaster
{
    [PreserveSig]
    int Open();

    [PreserveSig]
    int EnumDiscMasterFormats(nint* ppEnum);

    [PreserveSig]
    int GetActiveDiscMasterFormat(Guid* lpiid);

    [PreserveSig]
    int SetActiveDiscMasterFormat(Guid* riid, nint* ppUnk);

    [PreserveSig]
    int EnumDiscRecorders(nint* ppEnum);

    [PreserveSig]
    int GetActiveDiscRecorder(nint* ppRecorder);

    [PreserveSig]
    int SetActiveDiscRecorder(IDiscRecorder pRecorder);

    [PreserveSig]
    int ClearFormatContent();

    [PreserveSig]
    int ProgressAdvise(IDiscMasterProgressEvents pEvents, nuint* pvCookie);

    [PreserveSig]
    int ProgressUnadvise(nuint vCookie);

    /// <summary>Both flags are MIDL <c>boolean</c>: one byte.</summary>
    [PreserveSig]
    int RecordDisc(byte bSimulate, byte bEjectAfterBurn);

    [PreserveSig]
    int Close();
}
