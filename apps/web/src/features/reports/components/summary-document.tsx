// The draft as a document: title, opening, headings, paragraphs and sign-off, with every figure a
// link to its records. Leadership edits one block at a time (title, a heading, a paragraph, the
// sign-off); a paragraph keeps its figures when its text is edited, and the figures whose words
// are no longer in it are listed under it ("本段数据") so the records stay one click away.
import { EditOutlined } from '@ant-design/icons';
import type { SummaryContent, SummaryFigure, SummaryParagraph } from '@dutyboard/contracts/reports';
import { chineseDay, splitByFigures } from '@dutyboard/contracts/summary-text';
import { Button, DatePicker, Input, Space, Tooltip, Typography } from 'antd';
import { type ReactNode, useEffect, useState } from 'react';
import { Link } from 'react-router';
import { DATE_FORMAT, pickerDay } from '../../../lib/dates.ts';
import { useI18n } from '../../../lib/i18n-provider.tsx';
import { figureHref } from '../lib/figure-href.ts';

/** Which block is being edited: the title, a heading, a paragraph (section −1 = the opening), the sign-off. */
type Editing =
  | { kind: 'title' }
  | { kind: 'heading'; section: number }
  | { kind: 'paragraph'; section: number; index: number }
  | { kind: 'signOff' }
  | null;

function FigureLink({ figure }: { figure: SummaryFigure }) {
  const { t } = useI18n();
  const href = figureHref(figure.drill);
  const vars = { label: figure.label, value: figure.value };
  return (
    <Tooltip title={t(href ? 'reports.figureTip' : 'reports.figureNoLink', vars)}>
      {href ? (
        <Link to={href} className="summary-figure" data-testid="summary-figure" data-key={figure.key}>
          {figure.display}
        </Link>
      ) : (
        <span className="summary-figure-plain" data-key={figure.key}>
          {figure.display}
        </span>
      )}
    </Tooltip>
  );
}

/** A paragraph's text with its figures as links. */
function ParagraphText({ paragraph }: { paragraph: SummaryParagraph }) {
  const { pieces } = splitByFigures(paragraph);
  return (
    <>
      {pieces.map((piece, i) =>
        piece.figure ? <FigureLink key={i} figure={piece.figure} /> : <span key={i}>{piece.text}</span>,
      )}
    </>
  );
}

/** The figures an edit took out of the text, still linked. */
function FiguresLeft({ paragraph }: { paragraph: SummaryParagraph }) {
  const { t } = useI18n();
  const { missing } = splitByFigures(paragraph);
  if (missing.length === 0) return null;
  return (
    <div className="summary-figures-left" data-testid="paragraph-figures">
      <Typography.Text type="secondary">
        {t('reports.paragraphFigures')} · {t('reports.paragraphFiguresHint')}
      </Typography.Text>{' '}
      {missing.map((f) => {
        const href = figureHref(f.drill);
        const text = `${f.label} ${f.display}`;
        return href ? (
          <Link key={f.key} to={href} data-key={f.key}>
            {text}
          </Link>
        ) : (
          <span key={f.key}>{text}</span>
        );
      })}
    </div>
  );
}

function EditButton({ label, onClick, testId }: { label: string; onClick: () => void; testId: string }) {
  return (
    <Tooltip title={label}>
      <Button
        type="text"
        size="small"
        className="summary-edit"
        icon={<EditOutlined />}
        aria-label={label}
        onClick={onClick}
        data-testid={testId}
      />
    </Tooltip>
  );
}

/** A textarea with OK / cancel; empty text is refused. */
function BlockEditor({
  initial,
  hint,
  onSave,
  onCancel,
  testId,
}: {
  initial: string;
  hint?: string;
  onSave: (text: string) => void;
  onCancel: () => void;
  testId: string;
}) {
  const { t } = useI18n();
  const [value, setValue] = useState(initial);
  const empty = value.trim() === '';
  return (
    <div className="summary-editor">
      <Input.TextArea
        value={value}
        onChange={(e) => setValue(e.target.value)}
        autoSize={{ minRows: 2, maxRows: 14 }}
        status={empty ? 'error' : undefined}
        autoFocus
        data-testid={testId}
      />
      {hint && <Typography.Text type="secondary">{hint}</Typography.Text>}
      {empty && <Typography.Text type="danger">{t('reports.textRequired')}</Typography.Text>}
      <Space style={{ marginTop: 6, display: 'flex' }}>
        <Button type="primary" size="small" disabled={empty} onClick={() => onSave(value.trim())} data-testid="edit-ok">
          {t('reports.ok')}
        </Button>
        <Button size="small" onClick={onCancel}>
          {t('reports.cancel')}
        </Button>
      </Space>
    </div>
  );
}

export function SummaryDocument({
  content,
  editable,
  onChange,
  onEditing,
}: {
  content: SummaryContent;
  editable: boolean;
  onChange: (content: SummaryContent) => void;
  /** Whether a block is open in its editor (its text is not in the content yet). */
  onEditing?: (open: boolean) => void;
}) {
  const { t } = useI18n();
  const [editing, setEditing] = useState<Editing>(null);
  const editorOpen = editing !== null;
  useEffect(() => onEditing?.(editorOpen), [editorOpen, onEditing]);
  const [signOffDraft, setSignOffDraft] = useState(content.signOff);
  const close = () => setEditing(null);

  const setParagraphText = (section: number, index: number, text: string) => {
    const update = (ps: SummaryParagraph[]) => ps.map((p, i) => (i === index ? { ...p, text } : p));
    onChange(
      section < 0
        ? { ...content, intro: update(content.intro) }
        : {
            ...content,
            sections: content.sections.map((s, i) => (i === section ? { ...s, paragraphs: update(s.paragraphs) } : s)),
          },
    );
    close();
  };

  const paragraph = (p: SummaryParagraph, section: number, index: number): ReactNode => {
    const isEditing = editing?.kind === 'paragraph' && editing.section === section && editing.index === index;
    const key = `${section}:${index}`;
    if (isEditing) {
      return (
        <BlockEditor
          key={key}
          initial={p.text}
          onSave={(text) => setParagraphText(section, index, text)}
          onCancel={close}
          testId="paragraph-editor"
        />
      );
    }
    return (
      <div key={key} className="summary-block">
        <p className="summary-p" data-testid="summary-paragraph">
          <ParagraphText paragraph={p} />
          {editable && (
            <EditButton
              label={t('reports.editParagraph')}
              onClick={() => setEditing({ kind: 'paragraph', section, index })}
              testId="edit-paragraph"
            />
          )}
        </p>
        <FiguresLeft paragraph={p} />
      </div>
    );
  };

  return (
    <article className="summary-sheet" data-testid="summary-document" lang="zh-CN">
      {editing?.kind === 'title' ? (
        <BlockEditor
          initial={content.title}
          hint={t('reports.titleHint')}
          onSave={(title) => {
            onChange({ ...content, title });
            close();
          }}
          onCancel={close}
          testId="title-editor"
        />
      ) : (
        <div className="summary-block">
          <h2 className="summary-title" data-testid="summary-title">
            {content.title}
            {editable && (
              <EditButton
                label={t('reports.editTitle')}
                onClick={() => setEditing({ kind: 'title' })}
                testId="edit-title"
              />
            )}
          </h2>
        </div>
      )}

      {/* 主送 (a 专题汇报 to the level above, a 通报 to the units below), flush left under the title. */}
      {content.addressee && (
        <p className="summary-addressee" data-testid="summary-addressee">
          {content.addressee}
        </p>
      )}
      {content.intro.map((p, i) => paragraph(p, -1, i))}

      {content.sections.map((s, si) => (
        <section key={si}>
          {editing?.kind === 'heading' && editing.section === si ? (
            <BlockEditor
              initial={s.heading}
              onSave={(heading) => {
                onChange({ ...content, sections: content.sections.map((x, i) => (i === si ? { ...x, heading } : x)) });
                close();
              }}
              onCancel={close}
              testId="heading-editor"
            />
          ) : (
            <div className="summary-block">
              <p className={`summary-p summary-h${s.level}`} data-testid="summary-heading">
                {s.heading}
                {editable && (
                  <EditButton
                    label={t('reports.editHeading')}
                    onClick={() => setEditing({ kind: 'heading', section: si })}
                    testId="edit-heading"
                  />
                )}
              </p>
            </div>
          )}
          {s.paragraphs.map((p, pi) => paragraph(p, si, pi))}
        </section>
      ))}

      {editing?.kind === 'signOff' ? (
        <div className="summary-editor">
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Input
              prefix={<Typography.Text type="secondary">{t('reports.signOffOrg')}</Typography.Text>}
              aria-label={t('reports.signOffOrg')}
              data-testid="sign-off-org"
              value={signOffDraft.org}
              onChange={(e) => setSignOffDraft({ ...signOffDraft, org: e.target.value })}
            />
            <DatePicker
              prefix={<Typography.Text type="secondary">{t('reports.signOffDate')}</Typography.Text>}
              aria-label={t('reports.signOffDate')}
              data-testid="sign-off-date"
              format={DATE_FORMAT}
              allowClear={false}
              inputReadOnly
              style={{ width: '100%' }}
              value={pickerDay(signOffDraft.date)}
              onChange={(day) => day && setSignOffDraft({ ...signOffDraft, date: day.format(DATE_FORMAT) })}
            />
            <Space>
              <Button
                type="primary"
                size="small"
                data-testid="sign-off-ok"
                onClick={() => {
                  onChange({ ...content, signOff: { org: signOffDraft.org.trim(), date: signOffDraft.date } });
                  close();
                }}
              >
                {t('reports.ok')}
              </Button>
              <Button size="small" onClick={close}>
                {t('reports.cancel')}
              </Button>
            </Space>
          </Space>
        </div>
      ) : (
        <div className="summary-block summary-sign" data-testid="summary-sign-off">
          <div>{content.signOff.org}</div>
          <div data-testid="sign-off-date-text">
            {chineseDay(content.signOff.date)}
            {editable && (
              <EditButton
                label={t('reports.editSignOff')}
                onClick={() => {
                  setSignOffDraft(content.signOff);
                  setEditing({ kind: 'signOff' });
                }}
                testId="edit-sign-off"
              />
            )}
          </div>
        </div>
      )}
    </article>
  );
}
