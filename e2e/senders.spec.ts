import { expect, type Page, test } from './fixtures';
import { DEMO, SAME_ORIGIN, signIn } from './auth';
import { ekoSandbox } from './sandbox';

test.beforeEach(async ({ page, request }) => {
  await ekoSandbox.reset(request);
  await signIn(page, DEMO.agent);
});

async function search(page: Page, mobile: string) {
  const input = page.getByLabel('Sender mobile number');
  await input.fill(mobile);
  await input.press('Enter');
}

const card = (page: Page) => page.getByTestId('sender-card');

async function expectLimits(page: Page, monthly: string, used: string, available: string) {
  await expect(page.getByTestId('limit-monthly')).toHaveText(monthly);
  await expect(page.getByTestId('limit-used')).toHaveText(used);
  await expect(page.getByTestId('limit-available')).toHaveText(available);
  await expect(page.getByTestId('limit-bar')).toHaveAttribute('aria-label', `${used} used of ${monthly}; ${available} available`);
}

test.describe('sender search', () => {
  test.beforeEach(async ({ page }) => {
    await page.goto('/');
    await expect(page).toHaveURL(/\/senders$/);
    await expect(page.getByTestId('sandbox-banner')).toContainText('No real money moves');
  });

  test('a KYC-verified sender shows name, badge and limits in Indian format', async ({ page }) => {
    await search(page, '9000000001');
    await expect(card(page).getByRole('heading', { name: 'Asha Verma' })).toBeVisible();
    await expect(page.getByTestId('kyc-badge')).toHaveText('KYC verified');
    await expectLimits(page, '₹25,000', '₹7,500', '₹17,500');
    await expect(page).toHaveURL(/mobile=9000000001/);
  });

  test('a part of the page whose code cannot be fetched says so in its place, and comes when tried again', async ({ page }, testInfo) => {
    test.skip(testInfo.project.name !== 'desktop', 'viewport-independent');
    // The signal drops after the page has loaded: the sender card's code (fetched on demand) cannot come.
    let offline = true;
    await page.route('**/_next/static/chunks/**', (route) => (offline ? route.abort('internetdisconnected') : route.continue()));
    await search(page, '9000000001');
    // (An open transfer left by another test may show its own "do not pay again" with its list unavailable.)
    const unavailable = page.getByTestId('sender-result').getByTestId('part-unavailable');
    await expect(unavailable).toContainText('This part of the page did not load');
    // Only that part: the search and the page around it are still there.
    await expect(page.getByLabel('Sender mobile number')).toHaveValue('9000000001');
    await expect(page.getByTestId('page-error')).toHaveCount(0);
    offline = false;
    await unavailable.getByRole('button', { name: 'Try again' }).click();
    await expect(card(page).getByRole('heading', { name: 'Asha Verma' })).toBeVisible();
    await expect(unavailable).toHaveCount(0);
  });

  test('a non-KYC sender shows what eKYC would raise the limit to', async ({ page }) => {
    await search(page, '9000000002');
    await expect(page.getByTestId('kyc-badge')).toHaveText('Not KYC');
    await expectLimits(page, '₹5,000', '₹1,200', '₹3,800');
    await expect(page.getByTestId('ekyc-note')).toContainText('from ₹5,000 to ₹25,000');
  });

  test('KYC-pending senders say which step is left', async ({ page }) => {
    await search(page, '9000000003');
    await expect(page.getByTestId('kyc-badge')).toHaveText('KYC pending');
    await expect(page.getByTestId('ekyc-note')).toContainText('must complete Aadhaar eKYC');
    await search(page, '9000000004');
    await expect(page.getByTestId('ekyc-note')).toContainText('waiting for the OTP');
    await expect(page.getByTestId('limit-monthly')).toHaveCount(0);
  });

  test('a sender who used the whole month is told when transfers reopen', async ({ page }) => {
    await search(page, '9000000007');
    await expectLimits(page, '₹25,000', '₹25,000', '₹0');
    await expect(page.getByText('used the whole monthly limit')).toBeVisible();
  });

  test('pasted numbers with +91 and spaces are cleaned up', async ({ page }) => {
    await search(page, '+91 90000 00001');
    await expect(page.getByTestId('kyc-badge')).toHaveText('KYC verified');
  });

  test('a bad mobile is refused in the form without calling Eko', async ({ page, request }) => {
    await search(page, '12345');
    await expect(page.getByText('Enter a 10-digit mobile number starting with 6, 7, 8 or 9.')).toBeVisible();
    await expect(page.getByLabel('Sender mobile number')).toHaveAttribute('aria-invalid', 'true');
    await search(page, '5000000000');
    await expect(page.getByText('Enter a 10-digit mobile number starting with 6, 7, 8 or 9.')).toBeVisible();
    expect(await ekoSandbox.calls(request, '5000000000')).toHaveLength(0);
  });

  test('the same card is shown when Eko answers in the seed-page shapes', async ({ page, request }) => {
    await ekoSandbox.useShape(request, 'seed');
    await search(page, '9000000001');
    await expect(page.getByTestId('kyc-badge')).toHaveText('KYC verified');
    await expectLimits(page, '₹25,000', '₹7,500', '₹17,500');
    await search(page, '9000000002');
    await expect(page.getByTestId('kyc-badge')).toHaveText('Not KYC');
    await expectLimits(page, '₹5,000', '₹1,200', '₹3,800');
    await search(page, '9000000003');
    await expect(page.getByTestId('kyc-badge')).toHaveText('KYC pending');
    await search(page, '9000000005');
    await expect(page.getByRole('heading', { name: /Enrol this sender/ })).toBeVisible();
  });
});

test.describe('an Aadhaar number never reaches a URL through the search', () => {
  const AADHAAR = '999999990019';

  test('before the page’s code runs, the browser refuses 12 digits and submits pasted mobiles', async ({ browser, baseURL }) => {
    // No JavaScript at all: the search form is the server's HTML, submitted as a plain GET.
    const context = await browser.newContext({ baseURL, javaScriptEnabled: false });
    try {
      await signIn(context.request, DEMO.agent);
      // A server that has not rendered the search form yet streams it in later, which takes
      // JavaScript: one render first, so the form is in the page's first HTML as it is once warm.
      await context.request.get('/senders');
      const page = await context.newPage();
      const navigations: string[] = [];
      page.on('request', (r) => {
        if (r.isNavigationRequest()) navigations.push(r.url());
      });
      await page.goto('/senders');
      const input = page.getByLabel('Sender mobile number');
      await expect(input).toBeVisible();
      for (const typed of [AADHAAR, '9999 9999 0019', '9999-9999-0019', '919000000001']) {
        await input.fill(typed);
        expect(await input.evaluate((el: HTMLInputElement) => el.validity.patternMismatch), typed).toBe(true);
        await input.press('Enter');
        await page.waitForTimeout(300); // a submit would have sent its request by now
        expect(
          navigations.filter((url) => url.includes('mobile=')),
          typed,
        ).toEqual([]);
      }
      for (const pasted of ['+91 90000 00001', '090000 00001', '90000-00001']) {
        await page.goto('/senders');
        await page.getByLabel('Sender mobile number').fill(pasted);
        await Promise.all([page.waitForURL(/mobile=/), page.getByLabel('Sender mobile number').press('Enter')]);
        // The server keeps the mobile in its one form.
        expect(new URL(page.url()).search, pasted).toBe('?mobile=9000000001');
      }
    } finally {
      await context.close();
    }
  });

  test('a ?mobile= that is not a mobile is dropped before any page echoes it', async ({ page, request }) => {
    for (const junk of [AADHAAR, '9999 9999 0019', `+91${AADHAAR}`]) {
      const res = await page.request.get(`/senders?mobile=${encodeURIComponent(junk)}`, { maxRedirects: 0 });
      expect(res.status(), junk).toBe(307);
      expect(res.headers().location, junk).toMatch(/\/senders$/);
      const html = await (await page.request.get(`/senders?mobile=${encodeURIComponent(junk)}`)).text();
      expect(html).toContain('Sender mobile number');
      expect(html.replace(/\D/g, ' ')).not.toMatch(/9999\s*9999\s*0019|999999990019/);
    }
    await page.goto(`/senders?mobile=${AADHAAR}`);
    await expect(page).toHaveURL(/\/senders$/);
    await expect(page.getByLabel('Sender mobile number')).toHaveValue('');
    expect(await page.content()).not.toContain(AADHAAR);
    // A signed-out visit does not carry it into the login page's ?next= either.
    const anonymous = await request.get(`/senders?mobile=${AADHAAR}`, { maxRedirects: 0 });
    expect(anonymous.status()).toBe(307);
    expect(anonymous.headers().location).toMatch(/\/login\?next=%2Fsenders$/);
  });
});

test.describe('upstream trouble', () => {
  test('a timeout says so and offers a retry', async ({ page }) => {
    await page.goto('/senders?mobile=9000000090');
    await expect(page.getByTestId('api-error')).toContainText('did not answer in time');
    await expect(page.getByRole('button', { name: 'Try again' })).toBeVisible();
  });

  test('a 5xx says Eko is not reachable and retry works', async ({ page }) => {
    await page.goto('/senders?mobile=9000000091');
    await expect(page.getByTestId('api-error')).toContainText('not reachable');
    await page.getByRole('button', { name: 'Try again' }).click();
    await expect(page.getByTestId('api-error')).toContainText('not reachable');
  });

  test('an HTML page instead of JSON is reported as unreadable', async ({ page }) => {
    await page.goto('/senders?mobile=9000000092');
    await expect(page.getByTestId('api-error')).toContainText('could not read');
  });

  test('a 403 tells the agent to call the administrator and offers no retry', async ({ page }) => {
    await page.goto('/senders?mobile=9000000094');
    await expect(page.getByTestId('api-error')).toContainText('Tell your administrator');
    await expect(page.getByRole('button', { name: 'Try again' })).toHaveCount(0);
  });
});

test.describe('onboarding', () => {
  async function fillEnrolment(page: Page, overrides: { dob?: string } = {}) {
    await page.getByLabel('Full name').fill('Sita Ram');
    await page.getByLabel('Date of birth').fill(overrides.dob ?? '1990-05-17');
    await page.getByLabel('House and street').fill('12 Gandhi Road');
    await page.getByLabel('Area or locality').fill('Shivaji Nagar');
    await page.getByLabel('City, town or village').fill('Pune');
    await page.getByLabel('District').fill('Pune');
    await page.getByLabel('State or union territory').selectOption('Maharashtra');
    await page.getByLabel('PIN code').fill('411005');
  }

  test('enrolling a not-enrolled sender returns to the refreshed card', async ({ page, request }) => {
    await page.goto('/senders');
    await search(page, '9000000006');
    await expect(page.getByText('is not enrolled for money transfer yet')).toBeVisible();
    await fillEnrolment(page);
    await page.getByRole('button', { name: 'Enrol sender' }).click();
    await expect(page.getByText('Sender enrolled with a ₹5,000 monthly limit.')).toBeVisible();
    await expect(card(page).getByRole('heading', { name: 'Sita Ram' })).toBeVisible();
    await expect(page.getByTestId('kyc-badge')).toHaveText('Not KYC');
    await expectLimits(page, '₹5,000', '₹0', '₹5,000');
    const posts = (await ekoSandbox.calls(request, '9000000006')).filter((c) => c.method === 'POST');
    expect(posts).toHaveLength(1);
  });

  test('an enrolment that needs eKYC lands on the KYC-pending card', async ({ page }) => {
    await page.goto('/senders?mobile=9000000005');
    await fillEnrolment(page);
    await page.getByLabel('PIN code').press('Enter');
    await expect(page.getByText('Sender enrolled. Next step: Aadhaar eKYC.')).toBeVisible();
    await expect(page.getByTestId('kyc-badge')).toHaveText('KYC pending');
  });

  test('missing and impossible details are named next to their fields', async ({ page, request }) => {
    await page.goto('/senders?mobile=9000000005');
    await page.getByRole('button', { name: 'Enrol sender' }).click();
    await expect(page.getByText('Enter the name in letters and spaces only')).toBeVisible();
    await expect(page.getByText('Enter the date of birth as a real date')).toBeVisible();
    await expect(page.getByText('Choose the state or union territory.')).toBeVisible();
    await expect(page.getByText('Enter the 6-digit PIN code.')).toBeVisible();
    await expect(page.getByLabel('Full name')).toBeFocused();

    await fillEnrolment(page, { dob: '2999-01-01' });
    await page.getByLabel('PIN code').fill('12');
    await page.getByRole('button', { name: 'Enrol sender' }).click();
    await expect(page.getByText('The date of birth cannot be in the future.')).toBeVisible();
    await expect(page.getByText('Enter the 6-digit PIN code.')).toBeVisible();
    expect((await ekoSandbox.calls(request, '9000000005')).filter((c) => c.method === 'POST')).toHaveLength(0);
  });
});

test.describe('route handlers refuse bad input with the field named', () => {
  test('bad mobile, impossible date, missing address part', async ({ page }) => {
    const request = page.request;
    const bad = await request.get('/api/senders/12345');
    expect(bad.status()).toBe(400);
    expect((await bad.json()).error.fields.mobile).toBeTruthy();

    const res = await request.post('/api/senders/9000000005', {
      headers: SAME_ORIGIN,
      data: { name: 'Sita Ram', dob: '2001-02-29', address: { line: '12 Road', area: 'Camp', city: 'Pune', state: 'Maharashtra', pincode: '411005' } },
    });
    expect(res.status()).toBe(400);
    const body = await res.json();
    expect(body.error.code).toBe('invalid_input');
    expect(Object.keys(body.error.fields).sort()).toEqual(['address.district', 'dob']);

    const unknown = await request.get('/api/nothing-here');
    expect(unknown.status()).toBe(404);
    expect((await unknown.json()).error.code).toBe('not_found');
  });
});
