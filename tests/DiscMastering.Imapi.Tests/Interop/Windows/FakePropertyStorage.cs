using System.Runtime.InteropServices;
using System.Runtime.InteropServices.Marshalling;
using DiscMastering.Imapi.Interop.Windows;

namespace DiscMastering.Imapi.Tests.Interop.Windows;

/// <summary>
/// A property set as IMAPI v1 hands recorder properties out: enumerated names and ids, values of the types IMAPI uses,
/// allocated as COM callers expect to free them (names with CoTaskMem, BSTRs with SysAllocString's equivalent).
/// </summary>
[GeneratedComClass]
internal sealed unsafe partial class FakePropertyStorage(IReadOnlyList<(uint Id, string Name, ushort Type, object? Value)> properties) : IPropertyStorage
{
    public int ReadMultiple(uint cpspec, PROPSPEC* rgpspec, PROPVARIANT* rgpropvar)
    {
        for (var i = 0; i < cpspec; i++)
        {
            var property = properties.Single(p => p.Id == (uint)rgpspec[i].value);
            var value = new PROPVARIANT { vt = property.Type };
            value.value = property.Value switch
            {
                string text when property.Type == PROPVARIANT.VT_BSTR => Marshal.StringToBSTR(text),
                string text => Marshal.StringToCoTaskMemUni(text),
                bool flag => flag ? -1 : 0,
                int number => number,
                uint number => (nint)number,
                short number => number,
                _ => 0,
            };
            rgpropvar[i] = value;
        }

        return ComHResults.S_OK;
    }

    public int WriteMultiple(uint cpspec, PROPSPEC* rgpspec, PROPVARIANT* rgpropvar, uint propidNameFirst) => ComHResults.STG_E_ACCESSDENIED;

    public int DeleteMultiple(uint cpspec, PROPSPEC* rgpspec) => ComHResults.STG_E_ACCESSDENIED;

    public int ReadPropertyNames(uint cpropid, uint* rgpropid, nint* rglpwstrName) => ComHResults.E_NOTIMPL;

    public int WritePropertyNames(uint cpropid, uint* rgpropid, nint* rglpwstrName) => ComHResults.STG_E_ACCESSDENIED;

    public int DeletePropertyNames(uint cpropid, uint* rgpropid) => ComHResults.STG_E_ACCESSDENIED;

    public int Commit(uint grfCommitFlags) => ComHResults.S_OK;

    public int Revert() => ComHResults.S_OK;

    public int Enum(nint* ppenum)
    {
        *ppenum = ComRoundTrip.Pointer<IEnumSTATPROPSTG>(new Enumerator(properties));
        return ComHResults.S_OK;
    }

    public int SetTimes(FILETIME* pctime, FILETIME* patime, FILETIME* pmtime) => ComHResults.S_OK;

    public int SetClass(Guid* clsid) => ComHResults.S_OK;

    public int Stat(nint pstatpsstg) => ComHResults.E_NOTIMPL;

    [GeneratedComClass]
    private sealed partial class Enumerator(IReadOnlyList<(uint Id, string Name, ushort Type, object? Value)> properties) : IEnumSTATPROPSTG
    {
        private int _next;

        public int Next(uint celt, STATPROPSTG* rgelt, uint* pceltFetched)
        {
            uint fetched = 0;
            while (fetched < celt && _next < properties.Count)
            {
                var property = properties[_next++];
                rgelt[fetched++] = new STATPROPSTG { lpwstrName = Marshal.StringToCoTaskMemUni(property.Name), propid = property.Id, vt = property.Type };
            }

            *pceltFetched = fetched;
            return fetched == celt ? ComHResults.S_OK : ComHResults.S_FALSE;
        }

        public int Skip(uint celt) => ComHResults.E_NOTIMPL;

        public int Reset()
        {
            _next = 0;
            return ComHResults.S_OK;
        }

        public int Clone(nint* ppenum) => ComHResults.E_NOTIMPL;
    }
}
