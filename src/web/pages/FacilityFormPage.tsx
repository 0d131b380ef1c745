import { useEffect, useState, type FormEvent } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { useMe } from '../auth/AuthContext';
import { useI18n } from '../i18n';
import { useAsync } from '../lib/useAsync';
import { createFacility, getFacility, listFacilities, updateFacility } from '../api/facilities';
import { ApiError } from '../api/client';
import type { FacilityDetail, FacilitySummary } from '../api/types';
import { Alert, Breadcrumbs, ErrorState, Loading, PageHeader, useErrorText } from '../components/ui';
import { SelectField, TextField } from '../components/Field';
import { AreaPicker } from '../components/AreaPicker';
import { useToast } from '../components/Toast';
import { ALLOWED_PARENT, FACILITY_LABEL, FACILITY_TYPES, LOCATION_LEVELS, type FacilityType } from '../../core/facilities/types';
import { kabCodeOf } from '../../core/areas/codes';
import { isPhone, cleanPhone } from '../lib/validation';
import { scopeRoot } from '../lib/scope';
import { message } from '../../core/i18n/messages';

export function FacilityFormPage() {
  const { id } = useParams();
  const res = useAsync(() => (id ? getFacility(id) : Promise.resolve(null)), [id]);
  if (id && res.loading && !res.data) return <Loading />;
  if (res.error) return <ErrorState error={res.error} onRetry={res.reload} />;
  return <FacilityForm existing={res.data ?? null} key={id ?? 'new'} />;
}

function FacilityForm({ existing }: { existing: FacilityDetail | null }) {
  const me = useMe();
  const { t, label, locale } = useI18n();
  const navigate = useNavigate();
  const toast = useToast();
  const errorText = useErrorText();
  const [params] = useSearchParams();
  const f = existing?.facility;
  const [type, setType] = useState<FacilityType | ''>(f?.type ?? ((params.get('type') as FacilityType | null) ?? ''));
  const [name, setName] = useState(f?.name ?? '');
  const [code, setCode] = useState(f?.code ?? '');
  const [areaCode, setAreaCode] = useState(f?.areaCode ?? params.get('area') ?? '');
  const [parentId, setParentId] = useState(f?.parentId ?? '');
  const [address, setAddress] = useState(f?.address ?? '');
  const [phone, setPhone] = useState(f?.phone ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [parents, setParents] = useState<FacilitySummary[]>([]);

  const kab = areaCode ? kabCodeOf(areaCode) : null;
  useEffect(() => {
    if (!type || !kab) {
      setParents([]);
      return;
    }
    const allowed = ALLOWED_PARENT[type];
    if (!allowed.length) {
      setParents([]);
      return;
    }
    let live = true;
    listFacilities({ area: kab }).then(
      (r) => live && setParents(r.items.filter((x) => (allowed as readonly string[]).includes(x.type) && x.id !== f?.id)),
      () => live && setParents([]),
    );
    return () => {
      live = false;
    };
  }, [type, kab, f?.id]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const errs: Record<string, string> = {};
    const req = message({ code: 'required' }, locale);
    if (!type) errs.type = req;
    if (name.trim().length < 2) errs.name = name.trim() ? t('validation.minLength', { min: 2 }) : req;
    if (!areaCode) errs.areaCode = req;
    if (phone.trim() && !isPhone(phone)) errs.phone = message({ code: 'phone_format' }, locale);
    setErrors(errs);
    setFormError(null);
    if (Object.keys(errs).length || !type) return;
    setBusy(true);
    const body = {
      name: name.trim(),
      code: code.trim() || null,
      areaCode,
      parentId: parentId || null,
      address: address.trim() || null,
      phone: phone.trim() ? cleanPhone(phone) : null,
    };
    try {
      const saved = f ? await updateFacility(f.id, { ...body, version: f.version }) : await createFacility({ type, ...body });
      const newId = saved.facility.id;
      toast(t('common.saved'));
      navigate(`/facilities/${newId}`);
    } catch (err) {
      if (err instanceof ApiError && Object.keys(err.fields).length) {
        setErrors(err.fields);
        setFormError(err.message);
      } else setFormError(errorText(err));
    } finally {
      setBusy(false);
    }
  }

  const title = f ? t('facility.editTitle', { name: f.name }) : t('facility.newTitle');
  return (
    <div className="page page-narrow">
      <PageHeader
        crumbs={<Breadcrumbs items={[{ label: t('nav.facilities'), to: '/facilities' }, ...(f ? [{ label: f.name, to: `/facilities/${f.id}` }] : []), { label: f ? t('common.edit') : t('facility.add') }]} />}
        title={title}
      />
      <form className="card form" onSubmit={submit} noValidate>
        {formError && <Alert tone="error">{formError}</Alert>}
        <div className="form-grid">
          <SelectField
            label={t('facility.type')}
            name="type"
            required
            disabled={!!f}
            value={type}
            onValue={(v) => setType(v as FacilityType)}
            placeholder={t('common.choose')}
            options={FACILITY_TYPES.map((ft) => ({ value: ft, label: label(FACILITY_LABEL[ft]) }))}
            error={errors.type}
            hint={f ? t('facility.typeFixed') : undefined}
          />
          <TextField label={t('facility.name')} name="name" required value={name} onValue={setName} error={errors.name} maxLength={120} />
          <div className="span-2">
            <AreaPicker
              label={t('facility.area')}
              name="areaCode"
              required
              value={areaCode}
              onChange={(c) => setAreaCode(c)}
              rootCode={scopeRoot(me)}
              allowRoot
              selectableLevels={type ? LOCATION_LEVELS[type] : undefined}
              error={errors.areaCode}
              hint={type ? t('facility.areaHint') : undefined}
            />
          </div>
          <SelectField
            label={t('facility.parent')}
            name="parentId"
            value={parentId}
            onValue={setParentId}
            placeholder={t('common.none')}
            options={parents.map((p) => ({ value: p.id, label: `${p.name} (${label(FACILITY_LABEL[p.type])})` }))}
            error={errors.parentId}
            hint={type && ALLOWED_PARENT[type].length ? t('facility.parentHint', { types: ALLOWED_PARENT[type].map((x) => label(FACILITY_LABEL[x])).join(', ') }) : undefined}
          />
          <TextField label={t('facility.code')} name="code" value={code} onValue={setCode} error={errors.code} maxLength={40} hint={t('facility.codeHint')} />
          <TextField label={t('facility.address')} name="address" className="span-2" value={address} onValue={setAddress} error={errors.address} maxLength={300} />
          <TextField label={t('facility.phone')} name="phone" type="tel" inputMode="tel" value={phone} onValue={setPhone} error={errors.phone} />
        </div>
        <div className="form-actions">
          <button type="button" className="btn btn-secondary" onClick={() => navigate(-1)}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="btn" disabled={busy}>
            {busy ? t('common.saving') : t('common.save')}
          </button>
        </div>
      </form>
    </div>
  );
}
