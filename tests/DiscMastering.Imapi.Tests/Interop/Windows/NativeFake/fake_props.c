/*
 * IPropertyStorage and IEnumSTATPROPSTG (propidl.h, Windows SDK): the recorder and Joliet properties
 * of IMAPI v1, as a snapshot of a few named VT_I4 / VT_BSTR / VT_BOOL values.
 */
#include <stdlib.h>
#include <string.h>

#include "fake_com.h"

/* PROPSPEC, propidl.h: ulKind then a union of a PROPID and an LPOLESTR (16 bytes on 64-bit). */
typedef struct PROPSPEC {
    ULONG ulKind; /* PRSPEC_LPWSTR 0, PRSPEC_PROPID 1 */
    union {
        uint32_t propid;
        OLECHAR* lpwstr;
    } u;
} PROPSPEC;
#define PRSPEC_LPWSTR 0
#define PRSPEC_PROPID 1

/* PROPVARIANT, propidl.h: vt and three reserved WORDs, then the value union (24 bytes on 64-bit). */
typedef struct PROPVARIANT {
    uint16_t vt, reserved1, reserved2, reserved3;
    union {
        int32_t lVal;
        VARIANT_BOOL boolVal;
        BSTR bstrVal;
        uint8_t bytes[16];
    } u;
} PROPVARIANT;

/* STATPROPSTG, propidl.h: name (CoTaskMem), propid, vt. */
typedef struct STATPROPSTG {
    OLECHAR* lpwstrName;
    uint32_t propid;
    uint16_t vt;
} STATPROPSTG;

#define MAX_PROPS 8

static const OLECHAR s_empty[1] = { 0 };

typedef struct stored_property {
    OLECHAR* name;
    uint32_t propid;
    uint16_t vt;
    int32_t i4;    /* VT_I4, and VT_BOOL as 0 or 1 */
    OLECHAR* text; /* VT_BSTR */
} stored_property;

typedef struct property_storage {
    fake_object base;
    int count;
    stored_property props[MAX_PROPS];
} property_storage;

static OLECHAR* utf16_from_ascii(const char* text)
{
    size_t n = strlen(text);
    OLECHAR* out = malloc((n + 1) * sizeof(OLECHAR));
    if (out == NULL)
        return NULL;
    for (size_t i = 0; i <= n; i++)
        out[i] = (unsigned char)text[i];
    return out;
}

static int utf16_equal(const OLECHAR* a, const OLECHAR* b)
{
    size_t n = fake_utf16_length(a);
    return n == fake_utf16_length(b) && (n == 0 || memcmp(a, b, n * sizeof(OLECHAR)) == 0);
}

static void storage_destroy(fake_object* self)
{
    property_storage* s = (property_storage*)self;
    for (int i = 0; i < s->count; i++) {
        free(s->props[i].name);
        free(s->props[i].text);
    }
}

static const GUID* const s_storage_iids[] = { &IID_IPropertyStorage, NULL };
static const fake_class s_storage_class = { "IPropertyStorage", s_storage_iids, storage_destroy };

static stored_property* find(property_storage* s, const PROPSPEC* spec)
{
    for (int i = 0; i < s->count; i++) {
        if (spec->ulKind == PRSPEC_PROPID && s->props[i].propid == spec->u.propid)
            return &s->props[i];
        if (spec->ulKind == PRSPEC_LPWSTR && spec->u.lpwstr != NULL && utf16_equal(s->props[i].name, spec->u.lpwstr))
            return &s->props[i];
    }
    return NULL;
}

static HRESULT ReadMultiple(void* self, ULONG count, const PROPSPEC* specs, PROPVARIANT* values)
{
    FAKE_ENTER("IPropertyStorage::ReadMultiple");
    if (count > 0 && (specs == NULL || values == NULL))
        return E_POINTER;
    int found = 0;
    for (ULONG i = 0; i < count; i++) {
        stored_property* p = find(self, &specs[i]);
        memset(&values[i], 0, sizeof values[i]);
        if (p == NULL)
            continue;
        found++;
        values[i].vt = p->vt;
        if (p->vt == VT_I4)
            values[i].u.lVal = p->i4;
        else if (p->vt == VT_BOOL)
            values[i].u.boolVal = p->i4 ? VARIANT_TRUE : VARIANT_FALSE;
        else
            values[i].u.bstrVal = fake_bstr_from_utf16(p->text);
    }
    return found > 0 || count == 0 ? S_OK : S_FALSE;
}

/* Only the properties that exist can be written, with their own type. */
static HRESULT WriteMultiple(void* self, ULONG count, const PROPSPEC* specs, const PROPVARIANT* values,
                             uint32_t first_name_id)
{
    (void)first_name_id;
    FAKE_ENTER("IPropertyStorage::WriteMultiple");
    if (count > 0 && (specs == NULL || values == NULL))
        return E_POINTER;
    for (ULONG i = 0; i < count; i++) {
        stored_property* p = find(self, &specs[i]);
        if (p == NULL || p->vt != values[i].vt)
            return STG_E_INVALIDPARAMETER;
    }
    for (ULONG i = 0; i < count; i++) {
        stored_property* p = find(self, &specs[i]);
        if (p->vt == VT_I4) {
            p->i4 = values[i].u.lVal;
        } else if (p->vt == VT_BOOL) {
            p->i4 = values[i].u.boolVal != 0;
        } else {
            free(p->text);
            p->text = fake_utf16_dup(values[i].u.bstrVal != NULL ? values[i].u.bstrVal : s_empty);
        }
    }
    return S_OK;
}

static HRESULT DeleteMultiple(void* self, ULONG count, const PROPSPEC* specs)
{
    (void)self, (void)count, (void)specs;
    FAKE_ENTER("IPropertyStorage::DeleteMultiple");
    return STG_E_ACCESSDENIED;
}

static HRESULT ReadPropertyNames(void* self, ULONG count, const uint32_t* ids, OLECHAR** names)
{
    property_storage* s = self;
    FAKE_ENTER("IPropertyStorage::ReadPropertyNames");
    if (count > 0 && (ids == NULL || names == NULL))
        return E_POINTER;
    int found = 0;
    for (ULONG i = 0; i < count; i++) {
        names[i] = NULL;
        for (int j = 0; j < s->count; j++) {
            if (s->props[j].propid == ids[i]) {
                names[i] = fake_utf16_dup(s->props[j].name); /* CoTaskMem: malloc on Unix */
                found++;
            }
        }
    }
    return found > 0 || count == 0 ? S_OK : S_FALSE;
}

static HRESULT WritePropertyNames(void* self, ULONG count, const uint32_t* ids, OLECHAR* const* names)
{
    (void)self, (void)count, (void)ids, (void)names;
    FAKE_ENTER("IPropertyStorage::WritePropertyNames");
    return STG_E_ACCESSDENIED;
}

static HRESULT DeletePropertyNames(void* self, ULONG count, const uint32_t* ids)
{
    (void)self, (void)count, (void)ids;
    FAKE_ENTER("IPropertyStorage::DeletePropertyNames");
    return STG_E_ACCESSDENIED;
}

static HRESULT Commit(void* self, uint32_t flags)
{
    (void)self, (void)flags;
    FAKE_ENTER("IPropertyStorage::Commit");
    return S_OK;
}

static HRESULT Revert(void* self)
{
    (void)self;
    FAKE_ENTER("IPropertyStorage::Revert");
    return S_OK;
}

static HRESULT new_enum(property_storage* storage, ULONG position, void** out);

static HRESULT Enum(void* self, void** out)
{
    FAKE_ENTER("IPropertyStorage::Enum");
    if (out == NULL)
        return E_POINTER;
    return new_enum(self, 0, out);
}

static HRESULT SetTimes(void* self, const fake_filetime* created, const fake_filetime* accessed,
                        const fake_filetime* modified)
{
    (void)self, (void)created, (void)accessed, (void)modified;
    FAKE_ENTER("IPropertyStorage::SetTimes");
    return S_OK;
}

static HRESULT SetClass(void* self, const GUID* clsid)
{
    (void)self, (void)clsid;
    FAKE_ENTER("IPropertyStorage::SetClass");
    return S_OK;
}

static HRESULT Stat(void* self, void* stat)
{
    (void)self, (void)stat;
    FAKE_ENTER("IPropertyStorage::Stat");
    return E_NOTIMPL;
}

/* IPropertyStorage's vtable: propidl.h, Windows SDK order. */
static const fake_fn s_storage_vtbl[] = {
    FAKE_IUNKNOWN_SLOTS,     FN(ReadMultiple), FN(WriteMultiple), FN(DeleteMultiple),
    FN(ReadPropertyNames),   FN(WritePropertyNames), FN(DeletePropertyNames), FN(Commit),
    FN(Revert),              FN(Enum),         FN(SetTimes),      FN(SetClass),
    FN(Stat),
};

HRESULT fake_new_property_storage(const fake_property* props, int count, void** out)
{
    if (out == NULL)
        return E_POINTER;
    property_storage* s = fake_object_new(sizeof(property_storage), s_storage_vtbl, &s_storage_class);
    if (s == NULL)
        return E_OUTOFMEMORY;
    for (int i = 0; i < count && i < MAX_PROPS; i++) {
        stored_property* p = &s->props[s->count++];
        p->name = utf16_from_ascii(props[i].name);
        p->propid = props[i].propid;
        p->vt = props[i].vt;
        p->i4 = props[i].i4;
        p->text = props[i].vt == VT_BSTR ? utf16_from_ascii(props[i].text != NULL ? props[i].text : "") : NULL;
    }
    *out = s;
    return S_OK;
}

int fake_is_property_storage(void* object)
{
    return object != NULL && ((fake_object*)object)->vtbl == s_storage_vtbl;
}

int fake_property_storage_get_i4(void* storage, const char* name, int32_t* value)
{
    property_storage* s = storage;
    for (int i = 0; i < s->count; i++) {
        if (s->props[i].vt != VT_BSTR && fake_utf16_equal_ascii(s->props[i].name, name)) {
            *value = s->props[i].i4;
            return 1;
        }
    }
    return 0;
}

/* ---- IEnumSTATPROPSTG over a storage, which it keeps alive ---- */

typedef struct property_enum {
    fake_object base;
    property_storage* storage;
    ULONG position;
} property_enum;

static void enum_destroy(fake_object* self)
{
    fake_release(((property_enum*)self)->storage);
}

static const GUID* const s_enum_iids[] = { &IID_IEnumSTATPROPSTG, NULL };
static const fake_class s_enum_class = { "IEnumSTATPROPSTG", s_enum_iids, enum_destroy };

static HRESULT EnumNext(void* self, ULONG count, STATPROPSTG* items, ULONG* fetched)
{
    property_enum* e = self;
    FAKE_ENTER("IEnumSTATPROPSTG::Next");
    if (items == NULL || (count > 1 && fetched == NULL))
        return E_POINTER;
    ULONG n = 0;
    while (n < count && e->position < (ULONG)e->storage->count) {
        const stored_property* p = &e->storage->props[e->position++];
        items[n].lpwstrName = fake_utf16_dup(p->name); /* CoTaskMem: the caller frees it */
        items[n].propid = p->propid;
        items[n].vt = p->vt;
        n++;
    }
    if (fetched != NULL)
        *fetched = n;
    return n == count ? S_OK : S_FALSE;
}

static HRESULT EnumSkip(void* self, ULONG count)
{
    property_enum* e = self;
    FAKE_ENTER("IEnumSTATPROPSTG::Skip");
    ULONG left = (ULONG)e->storage->count - e->position;
    e->position += count < left ? count : left;
    return count <= left ? S_OK : S_FALSE;
}

static HRESULT EnumReset(void* self)
{
    FAKE_ENTER("IEnumSTATPROPSTG::Reset");
    ((property_enum*)self)->position = 0;
    return S_OK;
}

static HRESULT EnumClone(void* self, void** copy)
{
    property_enum* e = self;
    FAKE_ENTER("IEnumSTATPROPSTG::Clone");
    if (copy == NULL)
        return E_POINTER;
    return new_enum(e->storage, e->position, copy);
}

/* IEnumSTATPROPSTG's vtable: propidl.h, Windows SDK order. */
static const fake_fn s_enum_vtbl[] = {
    FAKE_IUNKNOWN_SLOTS, FN(EnumNext), FN(EnumSkip), FN(EnumReset), FN(EnumClone),
};

static HRESULT new_enum(property_storage* storage, ULONG position, void** out)
{
    property_enum* e = fake_object_new(sizeof(property_enum), s_enum_vtbl, &s_enum_class);
    if (e == NULL)
        return E_OUTOFMEMORY;
    fake_add_ref(storage);
    e->storage = storage;
    e->position = position;
    *out = e;
    return S_OK;
}
