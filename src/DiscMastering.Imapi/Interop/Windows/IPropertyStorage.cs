using System.Runtime.InteropServices;
using System.Runtime.InteropServices.Marshalling;

namespace DiscMastering.Imapi.Interop.Windows;

/// <summary>
/// One property set (propidl.h, Windows SDK; IID 00000138-0000-0000-C000-000000000046): ReadMultiple, WriteMultiple,
/// DeleteMultiple, ReadPropertyNames, WritePropertyNames, DeletePropertyNames, Commit, Revert, Enum, SetTimes,
/// SetClass, Stat. IMAPI v1 hands recorder properties out this way.
/// </summary>
[GeneratedComInterface]
[Guid("00000138-0000-0000-C000-000000000046")]
internal unsafe partial interface IPropertyStorage
{
    [PreserveSig]
    int ReadMultiple(uint cpspec, PROPSPEC* rgpspec, PROPVARIANT* rgpropvar);

    [PreserveSig]
    int WriteMultiple(uint cpspec, PROPSPEC* rgpspec, PROPVARIANT* rgpropvar, uint propidNameFirst);

    [PreserveSig]
    int DeleteMultiple(uint cpspec, PROPSPEC* rgpspec);

    [PreserveSig]
    int ReadPropertyNames(uint cpropid, uint* rgpropid, nint* rglpwstrName);

    [PreserveSig]
    int WritePropertyNames(uint cpropid, uint* rgpropid, nint* rglpwstrName);

    [PreserveSig]
    int DeletePropertyNames(uint cpropid, uint* rgpropid);

    [PreserveSig]
    int Commit(uint grfCommitFlags);

    [PreserveSig]
    int Revert();

    [PreserveSig]
    int Enum(nint* ppenum);

    [PreserveSig]
    int SetTimes(FILETIME* pctime, FILETIME* patime, FILETIME* pmtime);

    [PreserveSig]
    int SetClass(Guid* clsid);

    /// <summary>Fills a STATPROPSETSTG (propidl.h), which this library never reads.</summary>
    [PreserveSig]
    int Stat(nint pstatpsstg);
}
