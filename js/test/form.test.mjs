// The Standard Schema object working with a real form library: TanStack Form's core
// (framework-agnostic), which takes any Standard Schema v1 validator as is.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FormApi, FieldApi } from '@tanstack/form-core';
import { createContactSchema } from 'contact-rules';

function makeForm(defaultValues) {
  const form = new FormApi({
    defaultValues,
    validators: { onChange: createContactSchema({ defaultRegion: 'US' }) },
  });
  form.mount();
  const fields = {};
  for (const name of Object.keys(defaultValues)) {
    fields[name] = new FieldApi({ form, name });
    fields[name].mount();
  }
  return { form, fields };
}

test('TanStack Form shows contact-rules errors on the right fields', async () => {
  const { form, fields } = makeForm({ email: '', phone_number: '', tags: [] });
  fields.email.handleChange('jane@acme');
  fields.phone_number.handleChange('12');
  await form.validate('change');
  assert.equal(form.state.canSubmit, false);
  assert.match(fields.email.state.meta.errors[0].message, /email/i);
  assert.equal(fields.phone_number.state.meta.errors.length, 1);

  fields.email.handleChange('jane@acme.com');
  fields.phone_number.handleChange('(415) 555-2671');
  await form.validate('change');
  assert.deepEqual(fields.email.state.meta.errors, []);
  assert.deepEqual(fields.phone_number.state.meta.errors, []);
  assert.equal(form.state.canSubmit, true);
});

test('TanStack Form submits only a valid payload', async () => {
  let submitted = null;
  const form = new FormApi({
    defaultValues: { email: 'nope' },
    validators: { onSubmit: createContactSchema() },
    onSubmit: ({ value }) => {
      submitted = value;
    },
  });
  form.mount();
  await form.handleSubmit();
  assert.equal(submitted, null);
  form.setFieldValue('email', 'Jane@Acme.com');
  await form.handleSubmit();
  assert.deepEqual(submitted, { email: 'Jane@Acme.com' });
});
