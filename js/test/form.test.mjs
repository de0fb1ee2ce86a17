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
  // The field errors are the schema's issues at those paths, with the package's messages.
  const direct = createContactSchema({ defaultRegion: 'US' })['~standard'].validate({ email: 'jane@acme', phone_number: '12', tags: [] });
  assert.deepEqual(fields.email.state.meta.errors.map((e) => e.message), direct.issues.filter((i) => i.path[0] === 'email').map((i) => i.message));
  assert.equal(fields.email.state.meta.errors.length, 1);
  assert.equal(fields.phone_number.state.meta.errors.length, 1);

  fields.email.handleChange('jane@acme.com');
  fields.phone_number.handleChange('(415) 555-2671');
  await form.validate('change');
  assert.deepEqual(fields.email.state.meta.errors, []);
  assert.deepEqual(fields.phone_number.state.meta.errors, []);
  assert.equal(form.state.canSubmit, true);
});

test('TanStack Form submits only a valid payload', async () => {
  const submit = async (email) => {
    let submitted = null;
    const form = new FormApi({
      defaultValues: { email },
      validators: { onSubmit: createContactSchema() },
      onSubmit: ({ value }) => {
        submitted = value;
      },
    });
    form.mount();
    await form.handleSubmit();
    return { submitted, errors: form.state.errors };
  };
  const bad = await submit('nope');
  assert.equal(bad.submitted, null);
  assert.ok(bad.errors.length > 0);
  const good = await submit('Jane@Acme.com');
  assert.deepEqual(good.submitted, { email: 'Jane@Acme.com' });
});
